# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(900, 640)
        self.mainLayout = QVBoxLayout(MemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(MemberDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicLayout = QVBoxLayout(self.basicTab)
        self.basicLayout.setObjectName(u"basicLayout")
        self.basicGrid = QGridLayout()
        self.basicGrid.setObjectName(u"basicGrid")
        self.nameEditLabel = QLabel(self.basicTab)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.basicGrid.addWidget(self.nameEditLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(self.basicTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.basicGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.idNumberEditLabel = QLabel(self.basicTab)
        self.idNumberEditLabel.setObjectName(u"idNumberEditLabel")

        self.basicGrid.addWidget(self.idNumberEditLabel, 0, 2, 1, 1)

        self.idNumberEdit = QLineEdit(self.basicTab)
        self.idNumberEdit.setObjectName(u"idNumberEdit")
        self.idNumberEdit.setMaxLength(20)

        self.basicGrid.addWidget(self.idNumberEdit, 0, 3, 1, 1)

        self.idStatusLabel = QLabel(self.basicTab)
        self.idStatusLabel.setObjectName(u"idStatusLabel")
        self.idStatusLabel.setWordWrap(True)

        self.basicGrid.addWidget(self.idStatusLabel, 1, 3, 1, 1)

        self.genderComboLabel = QLabel(self.basicTab)
        self.genderComboLabel.setObjectName(u"genderComboLabel")

        self.basicGrid.addWidget(self.genderComboLabel, 2, 0, 1, 1)

        self.genderCombo = QComboBox(self.basicTab)
        self.genderCombo.setObjectName(u"genderCombo")

        self.basicGrid.addWidget(self.genderCombo, 2, 1, 1, 1)

        self.birthDateEditLabel = QLabel(self.basicTab)
        self.birthDateEditLabel.setObjectName(u"birthDateEditLabel")

        self.basicGrid.addWidget(self.birthDateEditLabel, 2, 2, 1, 1)

        self.birthDateEdit = DateField(self.basicTab)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.basicGrid.addWidget(self.birthDateEdit, 2, 3, 1, 1)

        self.ethnicityEditLabel = QLabel(self.basicTab)
        self.ethnicityEditLabel.setObjectName(u"ethnicityEditLabel")

        self.basicGrid.addWidget(self.ethnicityEditLabel, 3, 0, 1, 1)

        self.ethnicityEdit = QLineEdit(self.basicTab)
        self.ethnicityEdit.setObjectName(u"ethnicityEdit")

        self.basicGrid.addWidget(self.ethnicityEdit, 3, 1, 1, 1)

        self.educationComboLabel = QLabel(self.basicTab)
        self.educationComboLabel.setObjectName(u"educationComboLabel")

        self.basicGrid.addWidget(self.educationComboLabel, 3, 2, 1, 1)

        self.educationCombo = QComboBox(self.basicTab)
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setEditable(True)

        self.basicGrid.addWidget(self.educationCombo, 3, 3, 1, 1)

        self.phoneEditLabel = QLabel(self.basicTab)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.basicGrid.addWidget(self.phoneEditLabel, 4, 0, 1, 1)

        self.phoneEdit = QLineEdit(self.basicTab)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.basicGrid.addWidget(self.phoneEdit, 4, 1, 1, 1)

        self.workPostEditLabel = QLabel(self.basicTab)
        self.workPostEditLabel.setObjectName(u"workPostEditLabel")

        self.basicGrid.addWidget(self.workPostEditLabel, 4, 2, 1, 1)

        self.workPostEdit = QLineEdit(self.basicTab)
        self.workPostEdit.setObjectName(u"workPostEdit")

        self.basicGrid.addWidget(self.workPostEdit, 4, 3, 1, 1)

        self.partyGroupComboLabel = QLabel(self.basicTab)
        self.partyGroupComboLabel.setObjectName(u"partyGroupComboLabel")

        self.basicGrid.addWidget(self.partyGroupComboLabel, 5, 0, 1, 1)

        self.partyGroupCombo = QComboBox(self.basicTab)
        self.partyGroupCombo.setObjectName(u"partyGroupCombo")

        self.basicGrid.addWidget(self.partyGroupCombo, 5, 1, 1, 1)

        self.statusComboLabel = QLabel(self.basicTab)
        self.statusComboLabel.setObjectName(u"statusComboLabel")

        self.basicGrid.addWidget(self.statusComboLabel, 5, 2, 1, 1)

        self.statusCombo = QComboBox(self.basicTab)
        self.statusCombo.setObjectName(u"statusCombo")

        self.basicGrid.addWidget(self.statusCombo, 5, 3, 1, 1)

        self.duesClassComboLabel = QLabel(self.basicTab)
        self.duesClassComboLabel.setObjectName(u"duesClassComboLabel")

        self.basicGrid.addWidget(self.duesClassComboLabel, 6, 0, 1, 1)

        self.duesClassCombo = QComboBox(self.basicTab)
        self.duesClassCombo.setObjectName(u"duesClassCombo")

        self.basicGrid.addWidget(self.duesClassCombo, 6, 1, 1, 1)

        self.mobileCheck = QCheckBox(self.basicTab)
        self.mobileCheck.setObjectName(u"mobileCheck")

        self.basicGrid.addWidget(self.mobileCheck, 6, 3, 1, 1)

        self.joinedEditLabel = QLabel(self.basicTab)
        self.joinedEditLabel.setObjectName(u"joinedEditLabel")

        self.basicGrid.addWidget(self.joinedEditLabel, 7, 0, 1, 1)

        self.joinedEdit = DateField(self.basicTab)
        self.joinedEdit.setObjectName(u"joinedEdit")

        self.basicGrid.addWidget(self.joinedEdit, 7, 1, 1, 1)

        self.leftEditLabel = QLabel(self.basicTab)
        self.leftEditLabel.setObjectName(u"leftEditLabel")

        self.basicGrid.addWidget(self.leftEditLabel, 7, 2, 1, 1)

        self.leftEdit = DateField(self.basicTab)
        self.leftEdit.setObjectName(u"leftEdit")

        self.basicGrid.addWidget(self.leftEdit, 7, 3, 1, 1)

        self.notesEditLabel = QLabel(self.basicTab)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.basicGrid.addWidget(self.notesEditLabel, 8, 0, 1, 1)

        self.notesEdit = QPlainTextEdit(self.basicTab)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.basicGrid.addWidget(self.notesEdit, 8, 1, 1, 3)

        self.exemptCheck = QCheckBox(self.basicTab)
        self.exemptCheck.setObjectName(u"exemptCheck")

        self.basicGrid.addWidget(self.exemptCheck, 9, 1, 1, 3)

        self.exemptReasonEditLabel = QLabel(self.basicTab)
        self.exemptReasonEditLabel.setObjectName(u"exemptReasonEditLabel")

        self.basicGrid.addWidget(self.exemptReasonEditLabel, 10, 0, 1, 1)

        self.exemptReasonEdit = QLineEdit(self.basicTab)
        self.exemptReasonEdit.setObjectName(u"exemptReasonEdit")

        self.basicGrid.addWidget(self.exemptReasonEdit, 10, 1, 1, 3)

        self.basicGrid.setColumnStretch(1, 1)
        self.basicGrid.setColumnStretch(3, 1)

        self.basicLayout.addLayout(self.basicGrid)

        self.categoryLabel = QLabel(self.basicTab)
        self.categoryLabel.setObjectName(u"categoryLabel")
        self.categoryLabel.setWordWrap(True)

        self.basicLayout.addWidget(self.categoryLabel)

        self.spacer1 = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.basicLayout.addItem(self.spacer1)

        self.tabs.addTab(self.basicTab, "")
        self.stepsTab = QWidget()
        self.stepsTab.setObjectName(u"stepsTab")
        self.stepsLayout = QVBoxLayout(self.stepsTab)
        self.stepsLayout.setObjectName(u"stepsLayout")
        self.nextStepLabel = QLabel(self.stepsTab)
        self.nextStepLabel.setObjectName(u"nextStepLabel")
        self.nextStepLabel.setWordWrap(True)

        self.stepsLayout.addWidget(self.nextStepLabel)

        self.stepsTable = QTableView(self.stepsTab)
        self.stepsTable.setObjectName(u"stepsTable")
        self.stepsTable.setAlternatingRowColors(True)
        self.stepsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.stepsLayout.addWidget(self.stepsTable)

        self.stepsButtons = QHBoxLayout()
        self.stepsButtons.setObjectName(u"stepsButtons")
        self.addStepButton = QPushButton(self.stepsTab)
        self.addStepButton.setObjectName(u"addStepButton")
        self.addStepButton.setAutoDefault(False)

        self.stepsButtons.addWidget(self.addStepButton)

        self.editStepButton = QPushButton(self.stepsTab)
        self.editStepButton.setObjectName(u"editStepButton")
        self.editStepButton.setAutoDefault(False)

        self.stepsButtons.addWidget(self.editStepButton)

        self.deleteStepButton = QPushButton(self.stepsTab)
        self.deleteStepButton.setObjectName(u"deleteStepButton")
        self.deleteStepButton.setAutoDefault(False)

        self.stepsButtons.addWidget(self.deleteStepButton)

        self.spacer2 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stepsButtons.addItem(self.spacer2)


        self.stepsLayout.addLayout(self.stepsButtons)

        self.tabs.addTab(self.stepsTab, "")
        self.rolesTab = QWidget()
        self.rolesTab.setObjectName(u"rolesTab")
        self.rolesLayout = QVBoxLayout(self.rolesTab)
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.rolesTable = QTableView(self.rolesTab)
        self.rolesTable.setObjectName(u"rolesTable")
        self.rolesTable.setAlternatingRowColors(True)
        self.rolesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.rolesLayout.addWidget(self.rolesTable)

        self.rolesButtons = QHBoxLayout()
        self.rolesButtons.setObjectName(u"rolesButtons")
        self.addRoleButton = QPushButton(self.rolesTab)
        self.addRoleButton.setObjectName(u"addRoleButton")
        self.addRoleButton.setAutoDefault(False)

        self.rolesButtons.addWidget(self.addRoleButton)

        self.editRoleButton = QPushButton(self.rolesTab)
        self.editRoleButton.setObjectName(u"editRoleButton")
        self.editRoleButton.setAutoDefault(False)

        self.rolesButtons.addWidget(self.editRoleButton)

        self.deleteRoleButton = QPushButton(self.rolesTab)
        self.deleteRoleButton.setObjectName(u"deleteRoleButton")
        self.deleteRoleButton.setAutoDefault(False)

        self.rolesButtons.addWidget(self.deleteRoleButton)

        self.spacer3 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rolesButtons.addItem(self.spacer3)


        self.rolesLayout.addLayout(self.rolesButtons)

        self.tabs.addTab(self.rolesTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(MemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.idNumberEditLabel.setBuddy(self.idNumberEdit)
        self.genderComboLabel.setBuddy(self.genderCombo)
        self.birthDateEditLabel.setBuddy(self.birthDateEdit)
        self.ethnicityEditLabel.setBuddy(self.ethnicityEdit)
        self.educationComboLabel.setBuddy(self.educationCombo)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.workPostEditLabel.setBuddy(self.workPostEdit)
        self.partyGroupComboLabel.setBuddy(self.partyGroupCombo)
        self.statusComboLabel.setBuddy(self.statusCombo)
        self.duesClassComboLabel.setBuddy(self.duesClassCombo)
        self.joinedEditLabel.setBuddy(self.joinedEdit)
        self.leftEditLabel.setBuddy(self.leftEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
        self.exemptReasonEditLabel.setBuddy(self.exemptReasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\u515a\u5458\u4fe1\u606f", None))
        self.nameEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u59d3\u540d *", None))
        self.idNumberEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8eab\u4efd\u8bc1\u53f7", None))
        self.idNumberEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"18\u4f4d\uff0c\u6700\u540e\u4e00\u4f4d\u53ef\u4e3aX", None))
        self.idStatusLabel.setText("")
        self.genderComboLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6027\u522b", None))
        self.birthDateEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u51fa\u751f\u65e5\u671f", None))
        self.ethnicityEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6c11\u65cf", None))
        self.ethnicityEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5982 \u6c49\u65cf", None))
        self.educationComboLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5b66\u5386", None))
        self.phoneEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u624b\u673a\u53f7\u6216\u5ea7\u673a\u53f7", None))
        self.workPostEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5de5\u4f5c\u5c97\u4f4d", None))
        self.partyGroupComboLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6240\u5728\u515a\u5c0f\u7ec4", None))
        self.statusComboLabel.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u7c4d\u72b6\u6001 *", None))
        self.duesClassComboLabel.setText(QCoreApplication.translate("MemberDialog", u"\u7f34\u8d39\u7c7b\u522b", None))
        self.mobileCheck.setText(QCoreApplication.translate("MemberDialog", u"\u6d41\u52a8\u515a\u5458", None))
        self.joinedEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8f6c\u5165\u672c\u652f\u90e8\u65e5\u671f", None))
        self.leftEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u79bb\u5f00\u672c\u652f\u90e8\u65e5\u671f", None))
        self.notesEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5907\u6ce8", None))
        self.exemptCheck.setText(QCoreApplication.translate("MemberDialog", u"\u5e74\u8001\u4f53\u5f31\u3001\u884c\u52a8\u4e0d\u4fbf\u7b49\uff0c\u7ecf\u652f\u90e8\u540c\u610f\u4e0d\u4f5c\u786c\u6027\u8981\u6c42\uff08\u4e0d\u8ba1\u5165\u51fa\u52e4\u7387\u548c\u5b66\u65f6\u7edf\u8ba1\uff09", None))
#if QT_CONFIG(tooltip)
        self.exemptCheck.setToolTip(QCoreApplication.translate("MemberDialog", u"\u300a\u4e2d\u56fd\u5171\u4ea7\u515a\u515a\u5458\u6559\u80b2\u7ba1\u7406\u5de5\u4f5c\u6761\u4f8b\u300b\u7b2c\u4e8c\u5341\u4e09\u6761\uff1a\u5bf9\u5e74\u8001\u4f53\u5f31\u3001\u884c\u52a8\u4e0d\u4fbf\u7b49\u515a\u5458\uff0c\u7ecf\u652f\u90e8\u540c\u610f\uff0c\u53ef\u4e0d\u4f5c\u786c\u6027\u8981\u6c42", None))
#endif // QT_CONFIG(tooltip)
        self.exemptReasonEditLabel.setText(QCoreApplication.translate("MemberDialog", u"\u539f\u56e0", None))
        self.exemptReasonEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5982\uff1a\u5e74\u903e\u516b\u65ec\u3001\u957f\u671f\u5367\u5e8a\uff0c\u7ecf\u652f\u90e8\u59d4\u5458\u4f1a\u7814\u7a76\u540c\u610f", None))
        self.categoryLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("MemberDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.nextStepLabel.setText("")
        self.addStepButton.setText(QCoreApplication.translate("MemberDialog", u"\u65b0\u589e\u6b65\u9aa4", None))
        self.editStepButton.setText(QCoreApplication.translate("MemberDialog", u"\u4fee\u6539", None))
        self.deleteStepButton.setText(QCoreApplication.translate("MemberDialog", u"\u5220\u9664", None))
        self.tabs.setTabText(self.tabs.indexOf(self.stepsTab), QCoreApplication.translate("MemberDialog", u"\u53d1\u5c55\u515a\u5458\u7eaa\u5b9e", None))
        self.addRoleButton.setText(QCoreApplication.translate("MemberDialog", u"\u65b0\u589e\u804c\u52a1", None))
        self.editRoleButton.setText(QCoreApplication.translate("MemberDialog", u"\u4fee\u6539", None))
        self.deleteRoleButton.setText(QCoreApplication.translate("MemberDialog", u"\u5220\u9664", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rolesTab), QCoreApplication.translate("MemberDialog", u"\u652f\u59d4\u5206\u5de5", None))
        self.errorLabel.setText("")
    # retranslateUi

