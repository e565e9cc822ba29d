# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'branch_dialog.ui'
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
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_BranchDialog(object):
    def setupUi(self, BranchDialog):
        if not BranchDialog.objectName():
            BranchDialog.setObjectName(u"BranchDialog")
        BranchDialog.resize(860, 620)
        self.mainLayout = QVBoxLayout(BranchDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(BranchDialog)
        self.tabs.setObjectName(u"tabs")
        self.infoTab = QWidget()
        self.infoTab.setObjectName(u"infoTab")
        self.infoLayout = QVBoxLayout(self.infoTab)
        self.infoLayout.setObjectName(u"infoLayout")
        self.infoGrid = QGridLayout()
        self.infoGrid.setObjectName(u"infoGrid")
        self.nameEditLabel = QLabel(self.infoTab)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.infoGrid.addWidget(self.nameEditLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(self.infoTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.infoGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.parentOrgEditLabel = QLabel(self.infoTab)
        self.parentOrgEditLabel.setObjectName(u"parentOrgEditLabel")

        self.infoGrid.addWidget(self.parentOrgEditLabel, 1, 0, 1, 1)

        self.parentOrgEdit = QLineEdit(self.infoTab)
        self.parentOrgEdit.setObjectName(u"parentOrgEdit")

        self.infoGrid.addWidget(self.parentOrgEdit, 1, 1, 1, 1)

        self.orgTypeComboLabel = QLabel(self.infoTab)
        self.orgTypeComboLabel.setObjectName(u"orgTypeComboLabel")

        self.infoGrid.addWidget(self.orgTypeComboLabel, 2, 0, 1, 1)

        self.orgTypeCombo = QComboBox(self.infoTab)
        self.orgTypeCombo.setObjectName(u"orgTypeCombo")

        self.infoGrid.addWidget(self.orgTypeCombo, 2, 1, 1, 1)

        self.establishedEditLabel = QLabel(self.infoTab)
        self.establishedEditLabel.setObjectName(u"establishedEditLabel")

        self.infoGrid.addWidget(self.establishedEditLabel, 3, 0, 1, 1)

        self.establishedEdit = DateField(self.infoTab)
        self.establishedEdit.setObjectName(u"establishedEdit")

        self.infoGrid.addWidget(self.establishedEdit, 3, 1, 1, 1)

        self.addressEditLabel = QLabel(self.infoTab)
        self.addressEditLabel.setObjectName(u"addressEditLabel")

        self.infoGrid.addWidget(self.addressEditLabel, 4, 0, 1, 1)

        self.addressEdit = QLineEdit(self.infoTab)
        self.addressEdit.setObjectName(u"addressEdit")

        self.infoGrid.addWidget(self.addressEdit, 4, 1, 1, 1)

        self.electedEditLabel = QLabel(self.infoTab)
        self.electedEditLabel.setObjectName(u"electedEditLabel")

        self.infoGrid.addWidget(self.electedEditLabel, 5, 0, 1, 1)

        self.electedEdit = DateField(self.infoTab)
        self.electedEdit.setObjectName(u"electedEdit")

        self.infoGrid.addWidget(self.electedEdit, 5, 1, 1, 1)

        self.termSpinLabel = QLabel(self.infoTab)
        self.termSpinLabel.setObjectName(u"termSpinLabel")

        self.infoGrid.addWidget(self.termSpinLabel, 6, 0, 1, 1)

        self.termSpin = QSpinBox(self.infoTab)
        self.termSpin.setObjectName(u"termSpin")
        self.termSpin.setMinimum(1)
        self.termSpin.setMaximum(10)
        self.termSpin.setValue(3)

        self.infoGrid.addWidget(self.termSpin, 6, 1, 1, 1)

        self.termEndLabel = QLabel(self.infoTab)
        self.termEndLabel.setObjectName(u"termEndLabel")
        self.termEndLabel.setWordWrap(True)

        self.infoGrid.addWidget(self.termEndLabel, 7, 1, 1, 1)

        self.infoGrid.setColumnStretch(1, 1)

        self.infoLayout.addLayout(self.infoGrid)

        self.spacer1 = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.infoLayout.addItem(self.spacer1)

        self.tabs.addTab(self.infoTab, "")
        self.committeeTab = QWidget()
        self.committeeTab.setObjectName(u"committeeTab")
        self.committeeLayout = QVBoxLayout(self.committeeTab)
        self.committeeLayout.setObjectName(u"committeeLayout")
        self.committeeHintLabel = QLabel(self.committeeTab)
        self.committeeHintLabel.setObjectName(u"committeeHintLabel")
        self.committeeHintLabel.setWordWrap(True)

        self.committeeLayout.addWidget(self.committeeHintLabel)

        self.committeeTable = QTableView(self.committeeTab)
        self.committeeTable.setObjectName(u"committeeTable")
        self.committeeTable.setAlternatingRowColors(True)
        self.committeeTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.committeeLayout.addWidget(self.committeeTable)

        self.committeeButtons = QHBoxLayout()
        self.committeeButtons.setObjectName(u"committeeButtons")
        self.addRoleButton = QPushButton(self.committeeTab)
        self.addRoleButton.setObjectName(u"addRoleButton")
        self.addRoleButton.setAutoDefault(False)

        self.committeeButtons.addWidget(self.addRoleButton)

        self.editRoleButton = QPushButton(self.committeeTab)
        self.editRoleButton.setObjectName(u"editRoleButton")
        self.editRoleButton.setAutoDefault(False)

        self.committeeButtons.addWidget(self.editRoleButton)

        self.deleteRoleButton = QPushButton(self.committeeTab)
        self.deleteRoleButton.setObjectName(u"deleteRoleButton")
        self.deleteRoleButton.setAutoDefault(False)

        self.committeeButtons.addWidget(self.deleteRoleButton)

        self.spacer2 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.committeeButtons.addItem(self.spacer2)


        self.committeeLayout.addLayout(self.committeeButtons)

        self.tabs.addTab(self.committeeTab, "")
        self.groupsTab = QWidget()
        self.groupsTab.setObjectName(u"groupsTab")
        self.groupsLayout = QVBoxLayout(self.groupsTab)
        self.groupsLayout.setObjectName(u"groupsLayout")
        self.groupsHintLabel = QLabel(self.groupsTab)
        self.groupsHintLabel.setObjectName(u"groupsHintLabel")
        self.groupsHintLabel.setWordWrap(True)

        self.groupsLayout.addWidget(self.groupsHintLabel)

        self.groupsTable = QTableView(self.groupsTab)
        self.groupsTable.setObjectName(u"groupsTable")
        self.groupsTable.setAlternatingRowColors(True)
        self.groupsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.groupsLayout.addWidget(self.groupsTable)

        self.groupsButtons = QHBoxLayout()
        self.groupsButtons.setObjectName(u"groupsButtons")
        self.addGroupButton = QPushButton(self.groupsTab)
        self.addGroupButton.setObjectName(u"addGroupButton")
        self.addGroupButton.setAutoDefault(False)

        self.groupsButtons.addWidget(self.addGroupButton)

        self.editGroupButton = QPushButton(self.groupsTab)
        self.editGroupButton.setObjectName(u"editGroupButton")
        self.editGroupButton.setAutoDefault(False)

        self.groupsButtons.addWidget(self.editGroupButton)

        self.deleteGroupButton = QPushButton(self.groupsTab)
        self.deleteGroupButton.setObjectName(u"deleteGroupButton")
        self.deleteGroupButton.setAutoDefault(False)

        self.groupsButtons.addWidget(self.deleteGroupButton)

        self.spacer3 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.groupsButtons.addItem(self.spacer3)


        self.groupsLayout.addLayout(self.groupsButtons)

        self.tabs.addTab(self.groupsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(BranchDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(BranchDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.parentOrgEditLabel.setBuddy(self.parentOrgEdit)
        self.orgTypeComboLabel.setBuddy(self.orgTypeCombo)
        self.establishedEditLabel.setBuddy(self.establishedEdit)
        self.addressEditLabel.setBuddy(self.addressEdit)
        self.electedEditLabel.setBuddy(self.electedEdit)
        self.termSpinLabel.setBuddy(self.termSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BranchDialog)

        QMetaObject.connectSlotsByName(BranchDialog)
    # setupUi

    def retranslateUi(self, BranchDialog):
        BranchDialog.setWindowTitle(QCoreApplication.translate("BranchDialog", u"\u652f\u90e8\u4fe1\u606f", None))
        self.nameEditLabel.setText(QCoreApplication.translate("BranchDialog", u"\u652f\u90e8\u540d\u79f0 *", None))
        self.parentOrgEditLabel.setText(QCoreApplication.translate("BranchDialog", u"\u4e0a\u7ea7\u515a\u59d4", None))
        self.orgTypeComboLabel.setText(QCoreApplication.translate("BranchDialog", u"\u7ec4\u7ec7\u7c7b\u578b", None))
        self.establishedEditLabel.setText(QCoreApplication.translate("BranchDialog", u"\u6210\u7acb\u65e5\u671f", None))
        self.addressEditLabel.setText(QCoreApplication.translate("BranchDialog", u"\u5730\u5740", None))
        self.electedEditLabel.setText(QCoreApplication.translate("BranchDialog", u"\u672c\u5c4a\u9009\u4e3e\u65e5\u671f", None))
        self.termSpinLabel.setText(QCoreApplication.translate("BranchDialog", u"\u4efb\u671f\uff08\u5e74\uff09", None))
        self.termEndLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.infoTab), QCoreApplication.translate("BranchDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.committeeHintLabel.setText(QCoreApplication.translate("BranchDialog", u"\u652f\u59d4\u4f1a\u6210\u5458\u53ca\u5176\u5206\u5de5\uff08\u4fdd\u5b58\u540e\u7acb\u5373\u751f\u6548\uff09", None))
        self.addRoleButton.setText(QCoreApplication.translate("BranchDialog", u"\u65b0\u589e", None))
        self.editRoleButton.setText(QCoreApplication.translate("BranchDialog", u"\u4fee\u6539", None))
        self.deleteRoleButton.setText(QCoreApplication.translate("BranchDialog", u"\u5220\u9664", None))
        self.tabs.setTabText(self.tabs.indexOf(self.committeeTab), QCoreApplication.translate("BranchDialog", u"\u652f\u59d4\u5206\u5de5", None))
        self.groupsHintLabel.setText(QCoreApplication.translate("BranchDialog", u"\u515a\u5c0f\u7ec4\u53ca\u7ec4\u957f\u3001\u6210\u5458\uff08\u4fdd\u5b58\u540e\u7acb\u5373\u751f\u6548\uff09", None))
        self.addGroupButton.setText(QCoreApplication.translate("BranchDialog", u"\u65b0\u589e\u515a\u5c0f\u7ec4", None))
        self.editGroupButton.setText(QCoreApplication.translate("BranchDialog", u"\u4fee\u6539", None))
        self.deleteGroupButton.setText(QCoreApplication.translate("BranchDialog", u"\u5220\u9664", None))
        self.tabs.setTabText(self.tabs.indexOf(self.groupsTab), QCoreApplication.translate("BranchDialog", u"\u515a\u5c0f\u7ec4", None))
        self.errorLabel.setText("")
    # retranslateUi

