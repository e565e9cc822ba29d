# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'party_group_dialog.ui'
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
    QLabel, QLineEdit, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_PartyGroupDialog(object):
    def setupUi(self, PartyGroupDialog):
        if not PartyGroupDialog.objectName():
            PartyGroupDialog.setObjectName(u"PartyGroupDialog")
        PartyGroupDialog.resize(600, 600)
        self.mainLayout = QVBoxLayout(PartyGroupDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.groupGrid = QGridLayout()
        self.groupGrid.setObjectName(u"groupGrid")
        self.nameEditLabel = QLabel(PartyGroupDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.groupGrid.addWidget(self.nameEditLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(PartyGroupDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.groupGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.leaderComboLabel = QLabel(PartyGroupDialog)
        self.leaderComboLabel.setObjectName(u"leaderComboLabel")

        self.groupGrid.addWidget(self.leaderComboLabel, 1, 0, 1, 1)

        self.leaderCombo = QComboBox(PartyGroupDialog)
        self.leaderCombo.setObjectName(u"leaderCombo")

        self.groupGrid.addWidget(self.leaderCombo, 1, 1, 1, 1)

        self.establishedEditLabel = QLabel(PartyGroupDialog)
        self.establishedEditLabel.setObjectName(u"establishedEditLabel")

        self.groupGrid.addWidget(self.establishedEditLabel, 2, 0, 1, 1)

        self.establishedEdit = DateField(PartyGroupDialog)
        self.establishedEdit.setObjectName(u"establishedEdit")

        self.groupGrid.addWidget(self.establishedEdit, 2, 1, 1, 1)

        self.dissolvedEditLabel = QLabel(PartyGroupDialog)
        self.dissolvedEditLabel.setObjectName(u"dissolvedEditLabel")

        self.groupGrid.addWidget(self.dissolvedEditLabel, 3, 0, 1, 1)

        self.dissolvedEdit = DateField(PartyGroupDialog)
        self.dissolvedEdit.setObjectName(u"dissolvedEdit")

        self.groupGrid.addWidget(self.dissolvedEdit, 3, 1, 1, 1)

        self.groupGrid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.groupGrid)

        self.summaryLabel = QLabel(PartyGroupDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.mainLayout.addWidget(self.summaryLabel)

        self.membersTable = QTableView(PartyGroupDialog)
        self.membersTable.setObjectName(u"membersTable")
        self.membersTable.setAlternatingRowColors(True)
        self.membersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.mainLayout.addWidget(self.membersTable)

        self.errorLabel = QLabel(PartyGroupDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PartyGroupDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.leaderComboLabel.setBuddy(self.leaderCombo)
        self.establishedEditLabel.setBuddy(self.establishedEdit)
        self.dissolvedEditLabel.setBuddy(self.dissolvedEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PartyGroupDialog)

        QMetaObject.connectSlotsByName(PartyGroupDialog)
    # setupUi

    def retranslateUi(self, PartyGroupDialog):
        PartyGroupDialog.setWindowTitle(QCoreApplication.translate("PartyGroupDialog", u"\u515a\u5c0f\u7ec4", None))
        self.nameEditLabel.setText(QCoreApplication.translate("PartyGroupDialog", u"\u515a\u5c0f\u7ec4\u540d\u79f0 *", None))
        self.leaderComboLabel.setText(QCoreApplication.translate("PartyGroupDialog", u"\u515a\u5c0f\u7ec4\u7ec4\u957f", None))
        self.establishedEditLabel.setText(QCoreApplication.translate("PartyGroupDialog", u"\u6210\u7acb\u65e5\u671f", None))
#if QT_CONFIG(tooltip)
        self.establishedEdit.setToolTip(QCoreApplication.translate("PartyGroupDialog", u"\u515a\u5c0f\u7ec4\u4f1a\u4ece\u6210\u7acb\u5f53\u6708\u8d77\u8003\u6838\uff1b\u4e0d\u586b\u8868\u793a\u4e00\u76f4\u5b58\u5728", None))
#endif // QT_CONFIG(tooltip)
        self.dissolvedEditLabel.setText(QCoreApplication.translate("PartyGroupDialog", u"\u64a4\u9500\u65e5\u671f", None))
#if QT_CONFIG(tooltip)
        self.dissolvedEdit.setToolTip(QCoreApplication.translate("PartyGroupDialog", u"\u515a\u5c0f\u7ec4\u64a4\u9500\u6216\u5408\u5e76\u540e\uff0c\u5176\u540e\u7684\u6708\u4efd\u4e0d\u518d\u8003\u6838\u515a\u5c0f\u7ec4\u4f1a\uff1b\u672a\u64a4\u9500\u7684\u4e0d\u586b", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

