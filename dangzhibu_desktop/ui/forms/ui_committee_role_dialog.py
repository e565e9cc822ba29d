# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'committee_role_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_CommitteeRoleDialog(object):
    def setupUi(self, CommitteeRoleDialog):
        if not CommitteeRoleDialog.objectName():
            CommitteeRoleDialog.setObjectName(u"CommitteeRoleDialog")
        CommitteeRoleDialog.resize(480, 260)
        self.mainLayout = QVBoxLayout(CommitteeRoleDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.roleGrid = QGridLayout()
        self.roleGrid.setObjectName(u"roleGrid")
        self.memberComboLabel = QLabel(CommitteeRoleDialog)
        self.memberComboLabel.setObjectName(u"memberComboLabel")

        self.roleGrid.addWidget(self.memberComboLabel, 0, 0, 1, 1)

        self.memberCombo = QComboBox(CommitteeRoleDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.roleGrid.addWidget(self.memberCombo, 0, 1, 1, 1)

        self.roleComboLabel = QLabel(CommitteeRoleDialog)
        self.roleComboLabel.setObjectName(u"roleComboLabel")

        self.roleGrid.addWidget(self.roleComboLabel, 1, 0, 1, 1)

        self.roleCombo = QComboBox(CommitteeRoleDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.roleGrid.addWidget(self.roleCombo, 1, 1, 1, 1)

        self.startEditLabel = QLabel(CommitteeRoleDialog)
        self.startEditLabel.setObjectName(u"startEditLabel")

        self.roleGrid.addWidget(self.startEditLabel, 2, 0, 1, 1)

        self.startEdit = DateField(CommitteeRoleDialog)
        self.startEdit.setObjectName(u"startEdit")

        self.roleGrid.addWidget(self.startEdit, 2, 1, 1, 1)

        self.endEditLabel = QLabel(CommitteeRoleDialog)
        self.endEditLabel.setObjectName(u"endEditLabel")

        self.roleGrid.addWidget(self.endEditLabel, 3, 0, 1, 1)

        self.endEdit = DateField(CommitteeRoleDialog)
        self.endEdit.setObjectName(u"endEdit")

        self.roleGrid.addWidget(self.endEdit, 3, 1, 1, 1)

        self.roleGrid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.roleGrid)

        self.spacer1 = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer1)

        self.errorLabel = QLabel(CommitteeRoleDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CommitteeRoleDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberComboLabel.setBuddy(self.memberCombo)
        self.roleComboLabel.setBuddy(self.roleCombo)
        self.startEditLabel.setBuddy(self.startEdit)
        self.endEditLabel.setBuddy(self.endEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CommitteeRoleDialog)

        QMetaObject.connectSlotsByName(CommitteeRoleDialog)
    # setupUi

    def retranslateUi(self, CommitteeRoleDialog):
        CommitteeRoleDialog.setWindowTitle(QCoreApplication.translate("CommitteeRoleDialog", u"\u652f\u59d4\u5206\u5de5", None))
        self.memberComboLabel.setText(QCoreApplication.translate("CommitteeRoleDialog", u"\u59d4\u5458 *", None))
        self.roleComboLabel.setText(QCoreApplication.translate("CommitteeRoleDialog", u"\u804c\u52a1 *", None))
        self.startEditLabel.setText(QCoreApplication.translate("CommitteeRoleDialog", u"\u4efb\u804c\u65e5\u671f *", None))
        self.endEditLabel.setText(QCoreApplication.translate("CommitteeRoleDialog", u"\u79bb\u4efb\u65e5\u671f", None))
        self.errorLabel.setText("")
    # retranslateUi

