# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'talk_dialog.ui'
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

class Ui_TalkDialog(object):
    def setupUi(self, TalkDialog):
        if not TalkDialog.objectName():
            TalkDialog.setObjectName(u"TalkDialog")
        TalkDialog.resize(640, 520)
        self.mainLayout = QVBoxLayout(TalkDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.talkGrid = QGridLayout()
        self.talkGrid.setObjectName(u"talkGrid")
        self.dateEditLabel = QLabel(TalkDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.talkGrid.addWidget(self.dateEditLabel, 0, 0, 1, 1)

        self.dateEdit = DateField(TalkDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.talkGrid.addWidget(self.dateEdit, 0, 1, 1, 1)

        self.kindComboLabel = QLabel(TalkDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.talkGrid.addWidget(self.kindComboLabel, 1, 0, 1, 1)

        self.kindCombo = QComboBox(TalkDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.talkGrid.addWidget(self.kindCombo, 1, 1, 1, 1)

        self.talkerComboLabel = QLabel(TalkDialog)
        self.talkerComboLabel.setObjectName(u"talkerComboLabel")

        self.talkGrid.addWidget(self.talkerComboLabel, 2, 0, 1, 1)

        self.talkerCombo = QComboBox(TalkDialog)
        self.talkerCombo.setObjectName(u"talkerCombo")

        self.talkGrid.addWidget(self.talkerCombo, 2, 1, 1, 1)

        self.memberComboLabel = QLabel(TalkDialog)
        self.memberComboLabel.setObjectName(u"memberComboLabel")

        self.talkGrid.addWidget(self.memberComboLabel, 3, 0, 1, 1)

        self.memberCombo = QComboBox(TalkDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.talkGrid.addWidget(self.memberCombo, 3, 1, 1, 1)

        self.personEditLabel = QLabel(TalkDialog)
        self.personEditLabel.setObjectName(u"personEditLabel")

        self.talkGrid.addWidget(self.personEditLabel, 4, 0, 1, 1)

        self.personEdit = QLineEdit(TalkDialog)
        self.personEdit.setObjectName(u"personEdit")

        self.talkGrid.addWidget(self.personEdit, 4, 1, 1, 1)

        self.topicEditLabel = QLabel(TalkDialog)
        self.topicEditLabel.setObjectName(u"topicEditLabel")

        self.talkGrid.addWidget(self.topicEditLabel, 5, 0, 1, 1)

        self.topicEdit = QLineEdit(TalkDialog)
        self.topicEdit.setObjectName(u"topicEdit")

        self.talkGrid.addWidget(self.topicEdit, 5, 1, 1, 1)

        self.notesEditLabel = QLabel(TalkDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.talkGrid.addWidget(self.notesEditLabel, 6, 0, 1, 1)

        self.notesEdit = QPlainTextEdit(TalkDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.talkGrid.addWidget(self.notesEdit, 6, 1, 1, 1)

        self.talkGrid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.talkGrid)

        self.errorLabel = QLabel(TalkDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TalkDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.talkerComboLabel.setBuddy(self.talkerCombo)
        self.memberComboLabel.setBuddy(self.memberCombo)
        self.personEditLabel.setBuddy(self.personEdit)
        self.topicEditLabel.setBuddy(self.topicEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TalkDialog)

        QMetaObject.connectSlotsByName(TalkDialog)
    # setupUi

    def retranslateUi(self, TalkDialog):
        TalkDialog.setWindowTitle(QCoreApplication.translate("TalkDialog", u"\u8c08\u5fc3\u8c08\u8bdd", None))
        self.dateEditLabel.setText(QCoreApplication.translate("TalkDialog", u"\u8c08\u8bdd\u65e5\u671f *", None))
        self.kindComboLabel.setText(QCoreApplication.translate("TalkDialog", u"\u8c08\u8bdd\u7c7b\u522b *", None))
        self.talkerComboLabel.setText(QCoreApplication.translate("TalkDialog", u"\u8c08\u8bdd\u4eba", None))
        self.memberComboLabel.setText(QCoreApplication.translate("TalkDialog", u"\u8c08\u8bdd\u5bf9\u8c61", None))
        self.personEditLabel.setText(QCoreApplication.translate("TalkDialog", u"\u975e\u672c\u652f\u90e8\u5bf9\u8c61", None))
        self.personEdit.setPlaceholderText(QCoreApplication.translate("TalkDialog", u"\u5bf9\u8c61\u4e0d\u5728\u672c\u652f\u90e8\u540d\u518c\u4e2d\u65f6\u586b\u5199\u59d3\u540d", None))
        self.topicEditLabel.setText(QCoreApplication.translate("TalkDialog", u"\u8c08\u8bdd\u4e3b\u9898", None))
        self.notesEditLabel.setText(QCoreApplication.translate("TalkDialog", u"\u8c08\u8bdd\u8bb0\u5f55", None))
        self.errorLabel.setText("")
    # retranslateUi

