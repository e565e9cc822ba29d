# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rectification_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_RectificationDialog(object):
    def setupUi(self, RectificationDialog):
        if not RectificationDialog.objectName():
            RectificationDialog.setObjectName(u"RectificationDialog")
        RectificationDialog.resize(680, 580)
        self.mainLayout = QVBoxLayout(RectificationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.rectGrid = QGridLayout()
        self.rectGrid.setObjectName(u"rectGrid")
        self.sourceComboLabel = QLabel(RectificationDialog)
        self.sourceComboLabel.setObjectName(u"sourceComboLabel")

        self.rectGrid.addWidget(self.sourceComboLabel, 0, 0, 1, 1)

        self.sourceCombo = QComboBox(RectificationDialog)
        self.sourceCombo.setObjectName(u"sourceCombo")
        self.sourceCombo.setEditable(True)

        self.rectGrid.addWidget(self.sourceCombo, 0, 1, 1, 1)

        self.problemEditLabel = QLabel(RectificationDialog)
        self.problemEditLabel.setObjectName(u"problemEditLabel")

        self.rectGrid.addWidget(self.problemEditLabel, 1, 0, 1, 1)

        self.problemEdit = QPlainTextEdit(RectificationDialog)
        self.problemEdit.setObjectName(u"problemEdit")
        self.problemEdit.setTabChangesFocus(True)

        self.rectGrid.addWidget(self.problemEdit, 1, 1, 1, 1)

        self.measureEditLabel = QLabel(RectificationDialog)
        self.measureEditLabel.setObjectName(u"measureEditLabel")

        self.rectGrid.addWidget(self.measureEditLabel, 2, 0, 1, 1)

        self.measureEdit = QPlainTextEdit(RectificationDialog)
        self.measureEdit.setObjectName(u"measureEdit")
        self.measureEdit.setTabChangesFocus(True)

        self.rectGrid.addWidget(self.measureEdit, 2, 1, 1, 1)

        self.ownerComboLabel = QLabel(RectificationDialog)
        self.ownerComboLabel.setObjectName(u"ownerComboLabel")

        self.rectGrid.addWidget(self.ownerComboLabel, 3, 0, 1, 1)

        self.ownerCombo = QComboBox(RectificationDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.rectGrid.addWidget(self.ownerCombo, 3, 1, 1, 1)

        self.deadlineEditLabel = QLabel(RectificationDialog)
        self.deadlineEditLabel.setObjectName(u"deadlineEditLabel")

        self.rectGrid.addWidget(self.deadlineEditLabel, 4, 0, 1, 1)

        self.deadlineEdit = DateField(RectificationDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")

        self.rectGrid.addWidget(self.deadlineEdit, 4, 1, 1, 1)

        self.statusComboLabel = QLabel(RectificationDialog)
        self.statusComboLabel.setObjectName(u"statusComboLabel")

        self.rectGrid.addWidget(self.statusComboLabel, 5, 0, 1, 1)

        self.statusCombo = QComboBox(RectificationDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.rectGrid.addWidget(self.statusCombo, 5, 1, 1, 1)

        self.closedEditLabel = QLabel(RectificationDialog)
        self.closedEditLabel.setObjectName(u"closedEditLabel")

        self.rectGrid.addWidget(self.closedEditLabel, 6, 0, 1, 1)

        self.closedEdit = DateField(RectificationDialog)
        self.closedEdit.setObjectName(u"closedEdit")

        self.rectGrid.addWidget(self.closedEdit, 6, 1, 1, 1)

        self.evidenceEditLabel = QLabel(RectificationDialog)
        self.evidenceEditLabel.setObjectName(u"evidenceEditLabel")

        self.rectGrid.addWidget(self.evidenceEditLabel, 7, 0, 1, 1)

        self.evidenceEdit = QPlainTextEdit(RectificationDialog)
        self.evidenceEdit.setObjectName(u"evidenceEdit")
        self.evidenceEdit.setTabChangesFocus(True)

        self.rectGrid.addWidget(self.evidenceEdit, 7, 1, 1, 1)

        self.rectGrid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.rectGrid)

        self.errorLabel = QLabel(RectificationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(RectificationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.sourceComboLabel.setBuddy(self.sourceCombo)
        self.problemEditLabel.setBuddy(self.problemEdit)
        self.measureEditLabel.setBuddy(self.measureEdit)
        self.ownerComboLabel.setBuddy(self.ownerCombo)
        self.deadlineEditLabel.setBuddy(self.deadlineEdit)
        self.statusComboLabel.setBuddy(self.statusCombo)
        self.closedEditLabel.setBuddy(self.closedEdit)
        self.evidenceEditLabel.setBuddy(self.evidenceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RectificationDialog)

        QMetaObject.connectSlotsByName(RectificationDialog)
    # setupUi

    def retranslateUi(self, RectificationDialog):
        RectificationDialog.setWindowTitle(QCoreApplication.translate("RectificationDialog", u"\u95ee\u9898\u6574\u6539", None))
        self.sourceComboLabel.setText(QCoreApplication.translate("RectificationDialog", u"\u95ee\u9898\u6765\u6e90", None))
        self.problemEditLabel.setText(QCoreApplication.translate("RectificationDialog", u"\u95ee\u9898 *", None))
        self.measureEditLabel.setText(QCoreApplication.translate("RectificationDialog", u"\u6574\u6539\u63aa\u65bd", None))
        self.ownerComboLabel.setText(QCoreApplication.translate("RectificationDialog", u"\u8d23\u4efb\u4eba", None))
        self.deadlineEditLabel.setText(QCoreApplication.translate("RectificationDialog", u"\u6574\u6539\u65f6\u9650", None))
        self.statusComboLabel.setText(QCoreApplication.translate("RectificationDialog", u"\u6574\u6539\u72b6\u6001 *", None))
        self.closedEditLabel.setText(QCoreApplication.translate("RectificationDialog", u"\u5b8c\u6210\u65e5\u671f", None))
        self.evidenceEditLabel.setText(QCoreApplication.translate("RectificationDialog", u"\u6574\u6539\u6210\u6548\u53ca\u4f50\u8bc1", None))
        self.errorLabel.setText("")
    # retranslateUi

