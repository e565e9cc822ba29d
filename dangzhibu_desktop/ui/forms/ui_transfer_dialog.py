# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_TransferDialog(object):
    def setupUi(self, TransferDialog):
        if not TransferDialog.objectName():
            TransferDialog.setObjectName(u"TransferDialog")
        TransferDialog.resize(600, 520)
        self.mainLayout = QVBoxLayout(TransferDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.transferGrid = QGridLayout()
        self.transferGrid.setObjectName(u"transferGrid")
        self.memberComboLabel = QLabel(TransferDialog)
        self.memberComboLabel.setObjectName(u"memberComboLabel")

        self.transferGrid.addWidget(self.memberComboLabel, 0, 0, 1, 1)

        self.memberCombo = QComboBox(TransferDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.transferGrid.addWidget(self.memberCombo, 0, 1, 1, 1)

        self.directionComboLabel = QLabel(TransferDialog)
        self.directionComboLabel.setObjectName(u"directionComboLabel")

        self.transferGrid.addWidget(self.directionComboLabel, 1, 0, 1, 1)

        self.directionCombo = QComboBox(TransferDialog)
        self.directionCombo.setObjectName(u"directionCombo")

        self.transferGrid.addWidget(self.directionCombo, 1, 1, 1, 1)

        self.dateEditLabel = QLabel(TransferDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.transferGrid.addWidget(self.dateEditLabel, 2, 0, 1, 1)

        self.dateEdit = DateField(TransferDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.transferGrid.addWidget(self.dateEdit, 2, 1, 1, 1)

        self.otherOrgEditLabel = QLabel(TransferDialog)
        self.otherOrgEditLabel.setObjectName(u"otherOrgEditLabel")

        self.transferGrid.addWidget(self.otherOrgEditLabel, 3, 0, 1, 1)

        self.otherOrgEdit = QLineEdit(TransferDialog)
        self.otherOrgEdit.setObjectName(u"otherOrgEdit")

        self.transferGrid.addWidget(self.otherOrgEdit, 3, 1, 1, 1)

        self.letterEditLabel = QLabel(TransferDialog)
        self.letterEditLabel.setObjectName(u"letterEditLabel")

        self.transferGrid.addWidget(self.letterEditLabel, 4, 0, 1, 1)

        self.letterEdit = QLineEdit(TransferDialog)
        self.letterEdit.setObjectName(u"letterEdit")

        self.transferGrid.addWidget(self.letterEdit, 4, 1, 1, 1)

        self.validEditLabel = QLabel(TransferDialog)
        self.validEditLabel.setObjectName(u"validEditLabel")

        self.transferGrid.addWidget(self.validEditLabel, 5, 0, 1, 1)

        self.validEdit = DateField(TransferDialog)
        self.validEdit.setObjectName(u"validEdit")

        self.transferGrid.addWidget(self.validEdit, 5, 1, 1, 1)

        self.receiptEditLabel = QLabel(TransferDialog)
        self.receiptEditLabel.setObjectName(u"receiptEditLabel")

        self.transferGrid.addWidget(self.receiptEditLabel, 6, 0, 1, 1)

        self.receiptEdit = DateField(TransferDialog)
        self.receiptEdit.setObjectName(u"receiptEdit")

        self.transferGrid.addWidget(self.receiptEdit, 6, 1, 1, 1)

        self.duesEditLabel = QLabel(TransferDialog)
        self.duesEditLabel.setObjectName(u"duesEditLabel")

        self.transferGrid.addWidget(self.duesEditLabel, 7, 0, 1, 1)

        self.duesEdit = QLineEdit(TransferDialog)
        self.duesEdit.setObjectName(u"duesEdit")

        self.transferGrid.addWidget(self.duesEdit, 7, 1, 1, 1)

        self.notesEditLabel = QLabel(TransferDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.transferGrid.addWidget(self.notesEditLabel, 8, 0, 1, 1)

        self.notesEdit = QPlainTextEdit(TransferDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.transferGrid.addWidget(self.notesEdit, 8, 1, 1, 1)

        self.transferGrid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.transferGrid)

        self.ruleLabel = QLabel(TransferDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)
        self.ruleLabel.setStyleSheet(u"color: #555555;")

        self.mainLayout.addWidget(self.ruleLabel)

        self.errorLabel = QLabel(TransferDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TransferDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberComboLabel.setBuddy(self.memberCombo)
        self.directionComboLabel.setBuddy(self.directionCombo)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.otherOrgEditLabel.setBuddy(self.otherOrgEdit)
        self.letterEditLabel.setBuddy(self.letterEdit)
        self.validEditLabel.setBuddy(self.validEdit)
        self.receiptEditLabel.setBuddy(self.receiptEdit)
        self.duesEditLabel.setBuddy(self.duesEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TransferDialog)

        QMetaObject.connectSlotsByName(TransferDialog)
    # setupUi

    def retranslateUi(self, TransferDialog):
        TransferDialog.setWindowTitle(QCoreApplication.translate("TransferDialog", u"\u7ec4\u7ec7\u5173\u7cfb\u8f6c\u63a5", None))
        self.memberComboLabel.setText(QCoreApplication.translate("TransferDialog", u"\u515a\u5458 *", None))
        self.directionComboLabel.setText(QCoreApplication.translate("TransferDialog", u"\u8f6c\u63a5\u7c7b\u522b *", None))
        self.dateEditLabel.setText(QCoreApplication.translate("TransferDialog", u"\u8f6c\u63a5\u65e5\u671f *", None))
        self.otherOrgEditLabel.setText(QCoreApplication.translate("TransferDialog", u"\u5bf9\u65b9\u515a\u7ec4\u7ec7", None))
        self.otherOrgEdit.setPlaceholderText(QCoreApplication.translate("TransferDialog", u"\u8f6c\u5165\u65f6\u586b\u8f6c\u51fa\u65b9\u515a\u7ec4\u7ec7\uff0c\u8f6c\u51fa\u65f6\u586b\u63a5\u6536\u65b9\u515a\u7ec4\u7ec7", None))
        self.letterEditLabel.setText(QCoreApplication.translate("TransferDialog", u"\u4ecb\u7ecd\u4fe1\u7f16\u53f7", None))
        self.validEditLabel.setText(QCoreApplication.translate("TransferDialog", u"\u4ecb\u7ecd\u4fe1\u6709\u6548\u671f\u81f3", None))
        self.receiptEditLabel.setText(QCoreApplication.translate("TransferDialog", u"\u56de\u6267\u65e5\u671f", None))
        self.duesEditLabel.setText(QCoreApplication.translate("TransferDialog", u"\u515a\u8d39\u4ea4\u81f3", None))
        self.duesEdit.setPlaceholderText(QCoreApplication.translate("TransferDialog", u"\u5e74-\u6708\uff0c\u5982 2026-02", None))
        self.notesEditLabel.setText(QCoreApplication.translate("TransferDialog", u"\u5907\u6ce8", None))
        self.ruleLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

