# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pioneer_post_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_PioneerPostDialog(object):
    def setupUi(self, PioneerPostDialog):
        if not PioneerPostDialog.objectName():
            PioneerPostDialog.setObjectName(u"PioneerPostDialog")
        PioneerPostDialog.resize(820, 650)
        self.mainLayout = QVBoxLayout(PioneerPostDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headGrid = QGridLayout()
        self.headGrid.setObjectName(u"headGrid")
        self.nameEditLabel = QLabel(PioneerPostDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.headGrid.addWidget(self.nameEditLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(PioneerPostDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.headGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.kindComboLabel = QLabel(PioneerPostDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.headGrid.addWidget(self.kindComboLabel, 0, 2, 1, 1)

        self.kindCombo = QComboBox(PioneerPostDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.headGrid.addWidget(self.kindCombo, 0, 3, 1, 1)

        self.establishedEditLabel = QLabel(PioneerPostDialog)
        self.establishedEditLabel.setObjectName(u"establishedEditLabel")

        self.headGrid.addWidget(self.establishedEditLabel, 1, 0, 1, 1)

        self.establishedEdit = DateField(PioneerPostDialog)
        self.establishedEdit.setObjectName(u"establishedEdit")

        self.headGrid.addWidget(self.establishedEdit, 1, 1, 1, 1)

        self.endedEditLabel = QLabel(PioneerPostDialog)
        self.endedEditLabel.setObjectName(u"endedEditLabel")

        self.headGrid.addWidget(self.endedEditLabel, 1, 2, 1, 1)

        self.endedEdit = DateField(PioneerPostDialog)
        self.endedEdit.setObjectName(u"endedEdit")

        self.headGrid.addWidget(self.endedEdit, 1, 3, 1, 1)

        self.commitmentEditLabel = QLabel(PioneerPostDialog)
        self.commitmentEditLabel.setObjectName(u"commitmentEditLabel")

        self.headGrid.addWidget(self.commitmentEditLabel, 2, 0, 1, 1)

        self.commitmentEdit = QPlainTextEdit(PioneerPostDialog)
        self.commitmentEdit.setObjectName(u"commitmentEdit")
        self.commitmentEdit.setTabChangesFocus(True)
        self.commitmentEdit.setMaximumSize(QSize(16777215, 70))

        self.headGrid.addWidget(self.commitmentEdit, 2, 1, 1, 3)

        self.achievementsEditLabel = QLabel(PioneerPostDialog)
        self.achievementsEditLabel.setObjectName(u"achievementsEditLabel")

        self.headGrid.addWidget(self.achievementsEditLabel, 3, 0, 1, 1)

        self.achievementsEdit = QPlainTextEdit(PioneerPostDialog)
        self.achievementsEdit.setObjectName(u"achievementsEdit")
        self.achievementsEdit.setTabChangesFocus(True)
        self.achievementsEdit.setMaximumSize(QSize(16777215, 70))

        self.headGrid.addWidget(self.achievementsEdit, 3, 1, 1, 3)

        self.headGrid.setColumnStretch(1, 1)
        self.headGrid.setColumnStretch(3, 1)

        self.mainLayout.addLayout(self.headGrid)

        self.summaryLabel = QLabel(PioneerPostDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.mainLayout.addWidget(self.summaryLabel)

        self.membersTable = QTableView(PioneerPostDialog)
        self.membersTable.setObjectName(u"membersTable")
        self.membersTable.setAlternatingRowColors(True)
        self.membersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.mainLayout.addWidget(self.membersTable)

        self.errorLabel = QLabel(PioneerPostDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PioneerPostDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.establishedEditLabel.setBuddy(self.establishedEdit)
        self.endedEditLabel.setBuddy(self.endedEdit)
        self.commitmentEditLabel.setBuddy(self.commitmentEdit)
        self.achievementsEditLabel.setBuddy(self.achievementsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PioneerPostDialog)

        QMetaObject.connectSlotsByName(PioneerPostDialog)
    # setupUi

    def retranslateUi(self, PioneerPostDialog):
        PioneerPostDialog.setWindowTitle(QCoreApplication.translate("PioneerPostDialog", u"\u5148\u950b\u5c97", None))
        self.nameEditLabel.setText(QCoreApplication.translate("PioneerPostDialog", u"\u540d\u79f0 *", None))
        self.kindComboLabel.setText(QCoreApplication.translate("PioneerPostDialog", u"\u7c7b\u522b *", None))
        self.establishedEditLabel.setText(QCoreApplication.translate("PioneerPostDialog", u"\u8bbe\u7acb\u65e5\u671f", None))
        self.endedEditLabel.setText(QCoreApplication.translate("PioneerPostDialog", u"\u64a4\u9500\u65e5\u671f", None))
        self.commitmentEditLabel.setText(QCoreApplication.translate("PioneerPostDialog", u"\u627f\u8bfa", None))
        self.achievementsEditLabel.setText(QCoreApplication.translate("PioneerPostDialog", u"\u6210\u6548", None))
        self.summaryLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

