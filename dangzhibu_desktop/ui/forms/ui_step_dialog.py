# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'step_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_StepDialog(object):
    def setupUi(self, StepDialog):
        if not StepDialog.objectName():
            StepDialog.setObjectName(u"StepDialog")
        StepDialog.resize(560, 380)
        self.mainLayout = QVBoxLayout(StepDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.stepGrid = QGridLayout()
        self.stepGrid.setObjectName(u"stepGrid")
        self.stepComboLabel = QLabel(StepDialog)
        self.stepComboLabel.setObjectName(u"stepComboLabel")

        self.stepGrid.addWidget(self.stepComboLabel, 0, 0, 1, 1)

        self.stepCombo = QComboBox(StepDialog)
        self.stepCombo.setObjectName(u"stepCombo")

        self.stepGrid.addWidget(self.stepCombo, 0, 1, 1, 1)

        self.dateEditLabel = QLabel(StepDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.stepGrid.addWidget(self.dateEditLabel, 1, 0, 1, 1)

        self.dateEdit = DateField(StepDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.stepGrid.addWidget(self.dateEdit, 1, 1, 1, 1)

        self.hintLabel = QLabel(StepDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.stepGrid.addWidget(self.hintLabel, 2, 1, 1, 1)

        self.outcomeComboLabel = QLabel(StepDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")

        self.stepGrid.addWidget(self.outcomeComboLabel, 3, 0, 1, 1)

        self.outcomeCombo = QComboBox(StepDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.stepGrid.addWidget(self.outcomeCombo, 3, 1, 1, 1)

        self.extensionEditLabel = QLabel(StepDialog)
        self.extensionEditLabel.setObjectName(u"extensionEditLabel")

        self.stepGrid.addWidget(self.extensionEditLabel, 4, 0, 1, 1)

        self.extensionBox = QWidget(StepDialog)
        self.extensionBox.setObjectName(u"extensionBox")
        self.extensionLayout = QHBoxLayout(self.extensionBox)
        self.extensionLayout.setObjectName(u"extensionLayout")
        self.extensionLayout.setContentsMargins(0, 0, 0, 0)
        self.extensionEdit = QLineEdit(self.extensionBox)
        self.extensionEdit.setObjectName(u"extensionEdit")
        self.extensionEdit.setMaximumSize(QSize(60, 16777215))

        self.extensionLayout.addWidget(self.extensionEdit)

        self.extensionUnitLabel = QLabel(self.extensionBox)
        self.extensionUnitLabel.setObjectName(u"extensionUnitLabel")

        self.extensionLayout.addWidget(self.extensionUnitLabel)

        self.extensionSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.extensionLayout.addItem(self.extensionSpacer)


        self.stepGrid.addWidget(self.extensionBox, 4, 1, 1, 1)

        self.personsEditLabel = QLabel(StepDialog)
        self.personsEditLabel.setObjectName(u"personsEditLabel")

        self.stepGrid.addWidget(self.personsEditLabel, 5, 0, 1, 1)

        self.personsEdit = QLineEdit(StepDialog)
        self.personsEdit.setObjectName(u"personsEdit")

        self.stepGrid.addWidget(self.personsEdit, 5, 1, 1, 1)

        self.noteEditLabel = QLabel(StepDialog)
        self.noteEditLabel.setObjectName(u"noteEditLabel")

        self.stepGrid.addWidget(self.noteEditLabel, 6, 0, 1, 1)

        self.noteEdit = QPlainTextEdit(StepDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.stepGrid.addWidget(self.noteEdit, 6, 1, 1, 1)

        self.stepGrid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.stepGrid)

        self.errorLabel = QLabel(StepDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(StepDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.stepComboLabel.setBuddy(self.stepCombo)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.outcomeComboLabel.setBuddy(self.outcomeCombo)
        self.extensionEditLabel.setBuddy(self.extensionEdit)
        self.personsEditLabel.setBuddy(self.personsEdit)
        self.noteEditLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StepDialog)

        QMetaObject.connectSlotsByName(StepDialog)
    # setupUi

    def retranslateUi(self, StepDialog):
        StepDialog.setWindowTitle(QCoreApplication.translate("StepDialog", u"\u53d1\u5c55\u515a\u5458\u6b65\u9aa4", None))
        self.stepComboLabel.setText(QCoreApplication.translate("StepDialog", u"\u6b65\u9aa4 *", None))
        self.dateEditLabel.setText(QCoreApplication.translate("StepDialog", u"\u65e5\u671f *", None))
        self.hintLabel.setText("")
        self.outcomeComboLabel.setText(QCoreApplication.translate("StepDialog", u"\u8f6c\u6b63\u7ed3\u8bba", None))
        self.extensionEditLabel.setText(QCoreApplication.translate("StepDialog", u"\u5ef6\u957f\u9884\u5907\u671f", None))
        self.extensionEdit.setPlaceholderText(QCoreApplication.translate("StepDialog", u"6\u201312", None))
#if QT_CONFIG(tooltip)
        self.extensionEdit.setToolTip(QCoreApplication.translate("StepDialog", u"\u515a\u7ae0\u89c4\u5b9a\uff1a\u5ef6\u957f\u9884\u5907\u671f\u4e0d\u80fd\u5c11\u4e8e\u534a\u5e74\uff0c\u6700\u957f\u4e0d\u8d85\u8fc7\u4e00\u5e74", None))
#endif // QT_CONFIG(tooltip)
        self.extensionUnitLabel.setText(QCoreApplication.translate("StepDialog", u"\u4e2a\u6708\uff08\u4e0d\u5c11\u4e8e6\u4e2a\u6708\uff0c\u6700\u957f12\u4e2a\u6708\uff09", None))
        self.personsEditLabel.setText(QCoreApplication.translate("StepDialog", u"\u76f8\u5173\u4eba\u5458", None))
        self.personsEdit.setPlaceholderText(QCoreApplication.translate("StepDialog", u"\u4ecb\u7ecd\u4eba\u3001\u57f9\u517b\u8054\u7cfb\u4eba\u59d3\u540d\uff0c\u7528\u201c\u3001\u201d\u5206\u9694", None))
        self.noteEditLabel.setText(QCoreApplication.translate("StepDialog", u"\u8bf4\u660e", None))
        self.errorLabel.setText("")
    # retranslateUi

