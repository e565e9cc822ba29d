# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_dialog.ui'
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

from dangzhibu_desktop.ui.widgets.datefield import (DateField, TimeField)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.resize(980, 690)
        self.mainLayout = QVBoxLayout(MeetingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headGrid = QGridLayout()
        self.headGrid.setObjectName(u"headGrid")
        self.kindComboLabel = QLabel(MeetingDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.headGrid.addWidget(self.kindComboLabel, 0, 0, 1, 1)

        self.kindCombo = QComboBox(MeetingDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.headGrid.addWidget(self.kindCombo, 0, 1, 1, 1)

        self.dateEditLabel = QLabel(MeetingDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.headGrid.addWidget(self.dateEditLabel, 0, 2, 1, 1)

        self.dateEdit = DateField(MeetingDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.headGrid.addWidget(self.dateEdit, 0, 3, 1, 1)

        self.timeBoxLabel = QLabel(MeetingDialog)
        self.timeBoxLabel.setObjectName(u"timeBoxLabel")

        self.headGrid.addWidget(self.timeBoxLabel, 0, 4, 1, 1)

        self.timeBox = QWidget(MeetingDialog)
        self.timeBox.setObjectName(u"timeBox")
        self.timeLayout = QHBoxLayout(self.timeBox)
        self.timeLayout.setObjectName(u"timeLayout")
        self.timeLayout.setContentsMargins(0, 0, 0, 0)
        self.startTimeEdit = TimeField(self.timeBox)
        self.startTimeEdit.setObjectName(u"startTimeEdit")
        self.startTimeEdit.setMaximumSize(QSize(80, 16777215))

        self.timeLayout.addWidget(self.startTimeEdit)

        self.timeToLabel = QLabel(self.timeBox)
        self.timeToLabel.setObjectName(u"timeToLabel")

        self.timeLayout.addWidget(self.timeToLabel)

        self.endTimeEdit = TimeField(self.timeBox)
        self.endTimeEdit.setObjectName(u"endTimeEdit")
        self.endTimeEdit.setMaximumSize(QSize(80, 16777215))

        self.timeLayout.addWidget(self.endTimeEdit)

        self.spacer1 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeLayout.addItem(self.spacer1)


        self.headGrid.addWidget(self.timeBox, 0, 5, 1, 1)

        self.placeEditLabel = QLabel(MeetingDialog)
        self.placeEditLabel.setObjectName(u"placeEditLabel")

        self.headGrid.addWidget(self.placeEditLabel, 1, 0, 1, 1)

        self.placeEdit = QLineEdit(MeetingDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.headGrid.addWidget(self.placeEdit, 1, 1, 1, 1)

        self.hostComboLabel = QLabel(MeetingDialog)
        self.hostComboLabel.setObjectName(u"hostComboLabel")

        self.headGrid.addWidget(self.hostComboLabel, 1, 2, 1, 1)

        self.hostCombo = QComboBox(MeetingDialog)
        self.hostCombo.setObjectName(u"hostCombo")

        self.headGrid.addWidget(self.hostCombo, 1, 3, 1, 1)

        self.recorderComboLabel = QLabel(MeetingDialog)
        self.recorderComboLabel.setObjectName(u"recorderComboLabel")

        self.headGrid.addWidget(self.recorderComboLabel, 1, 4, 1, 1)

        self.recorderCombo = QComboBox(MeetingDialog)
        self.recorderCombo.setObjectName(u"recorderCombo")

        self.headGrid.addWidget(self.recorderCombo, 1, 5, 1, 1)

        self.partyGroupComboLabel = QLabel(MeetingDialog)
        self.partyGroupComboLabel.setObjectName(u"partyGroupComboLabel")

        self.headGrid.addWidget(self.partyGroupComboLabel, 2, 0, 1, 1)

        self.partyGroupCombo = QComboBox(MeetingDialog)
        self.partyGroupCombo.setObjectName(u"partyGroupCombo")

        self.headGrid.addWidget(self.partyGroupCombo, 2, 1, 1, 1)

        self.lecturerComboLabel = QLabel(MeetingDialog)
        self.lecturerComboLabel.setObjectName(u"lecturerComboLabel")

        self.headGrid.addWidget(self.lecturerComboLabel, 2, 2, 1, 1)

        self.lecturerCombo = QComboBox(MeetingDialog)
        self.lecturerCombo.setObjectName(u"lecturerCombo")

        self.headGrid.addWidget(self.lecturerCombo, 2, 3, 1, 1)

        self.voteCheck = QCheckBox(MeetingDialog)
        self.voteCheck.setObjectName(u"voteCheck")

        self.headGrid.addWidget(self.voteCheck, 2, 5, 1, 1)

        self.topicEditLabel = QLabel(MeetingDialog)
        self.topicEditLabel.setObjectName(u"topicEditLabel")

        self.headGrid.addWidget(self.topicEditLabel, 3, 0, 1, 1)

        self.topicEdit = QLineEdit(MeetingDialog)
        self.topicEdit.setObjectName(u"topicEdit")

        self.headGrid.addWidget(self.topicEdit, 3, 1, 1, 5)

        self.guestsEditLabel = QLabel(MeetingDialog)
        self.guestsEditLabel.setObjectName(u"guestsEditLabel")

        self.headGrid.addWidget(self.guestsEditLabel, 4, 0, 1, 1)

        self.guestsEdit = QLineEdit(MeetingDialog)
        self.guestsEdit.setObjectName(u"guestsEdit")

        self.headGrid.addWidget(self.guestsEdit, 4, 1, 1, 5)

        self.votesBoxLabel = QLabel(MeetingDialog)
        self.votesBoxLabel.setObjectName(u"votesBoxLabel")

        self.headGrid.addWidget(self.votesBoxLabel, 5, 0, 1, 1)

        self.votesBox = QWidget(MeetingDialog)
        self.votesBox.setObjectName(u"votesBox")
        self.votesLayout = QHBoxLayout(self.votesBox)
        self.votesLayout.setObjectName(u"votesLayout")
        self.votesLayout.setContentsMargins(0, 0, 0, 0)
        self.votesForLabel = QLabel(self.votesBox)
        self.votesForLabel.setObjectName(u"votesForLabel")

        self.votesLayout.addWidget(self.votesForLabel)

        self.votesForEdit = QLineEdit(self.votesBox)
        self.votesForEdit.setObjectName(u"votesForEdit")
        self.votesForEdit.setMaximumSize(QSize(60, 16777215))

        self.votesLayout.addWidget(self.votesForEdit)

        self.votesAgainstLabel = QLabel(self.votesBox)
        self.votesAgainstLabel.setObjectName(u"votesAgainstLabel")

        self.votesLayout.addWidget(self.votesAgainstLabel)

        self.votesAgainstEdit = QLineEdit(self.votesBox)
        self.votesAgainstEdit.setObjectName(u"votesAgainstEdit")
        self.votesAgainstEdit.setMaximumSize(QSize(60, 16777215))

        self.votesLayout.addWidget(self.votesAgainstEdit)

        self.votesAbstainLabel = QLabel(self.votesBox)
        self.votesAbstainLabel.setObjectName(u"votesAbstainLabel")

        self.votesLayout.addWidget(self.votesAbstainLabel)

        self.votesAbstainEdit = QLineEdit(self.votesBox)
        self.votesAbstainEdit.setObjectName(u"votesAbstainEdit")
        self.votesAbstainEdit.setMaximumSize(QSize(60, 16777215))

        self.votesLayout.addWidget(self.votesAbstainEdit)

        self.votesUnitLabel = QLabel(self.votesBox)
        self.votesUnitLabel.setObjectName(u"votesUnitLabel")

        self.votesLayout.addWidget(self.votesUnitLabel)

        self.spacer3 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.votesLayout.addItem(self.spacer3)


        self.headGrid.addWidget(self.votesBox, 5, 1, 1, 5)

        self.headGrid.setColumnStretch(1, 1)
        self.headGrid.setColumnStretch(3, 1)
        self.headGrid.setColumnStretch(5, 1)

        self.mainLayout.addLayout(self.headGrid)

        self.tabs = QTabWidget(MeetingDialog)
        self.tabs.setObjectName(u"tabs")
        self.attendanceTab = QWidget()
        self.attendanceTab.setObjectName(u"attendanceTab")
        self.attendanceLayout = QVBoxLayout(self.attendanceTab)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.attendanceButtons = QHBoxLayout()
        self.attendanceButtons.setObjectName(u"attendanceButtons")
        self.attendanceSummaryLabel = QLabel(self.attendanceTab)
        self.attendanceSummaryLabel.setObjectName(u"attendanceSummaryLabel")

        self.attendanceButtons.addWidget(self.attendanceSummaryLabel)

        self.spacer2 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendanceButtons.addItem(self.spacer2)

        self.allPresentButton = QPushButton(self.attendanceTab)
        self.allPresentButton.setObjectName(u"allPresentButton")
        self.allPresentButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.allPresentButton)

        self.leaveButton = QPushButton(self.attendanceTab)
        self.leaveButton.setObjectName(u"leaveButton")
        self.leaveButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.leaveButton)

        self.absentButton = QPushButton(self.attendanceTab)
        self.absentButton.setObjectName(u"absentButton")
        self.absentButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.absentButton)


        self.attendanceLayout.addLayout(self.attendanceButtons)

        self.attendanceTable = QTableView(self.attendanceTab)
        self.attendanceTable.setObjectName(u"attendanceTable")
        self.attendanceTable.setTabKeyNavigation(False)
        self.attendanceTable.setAlternatingRowColors(True)
        self.attendanceTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.attendanceLayout.addWidget(self.attendanceTable)

        self.tabs.addTab(self.attendanceTab, "")
        self.contentTab = QWidget()
        self.contentTab.setObjectName(u"contentTab")
        self.contentLayout = QVBoxLayout(self.contentTab)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentEdit = QPlainTextEdit(self.contentTab)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setTabChangesFocus(True)

        self.contentLayout.addWidget(self.contentEdit)

        self.tabs.addTab(self.contentTab, "")
        self.resolutionsTab = QWidget()
        self.resolutionsTab.setObjectName(u"resolutionsTab")
        self.resolutionsLayout = QVBoxLayout(self.resolutionsTab)
        self.resolutionsLayout.setObjectName(u"resolutionsLayout")
        self.resolutionsEdit = QPlainTextEdit(self.resolutionsTab)
        self.resolutionsEdit.setObjectName(u"resolutionsEdit")
        self.resolutionsEdit.setTabChangesFocus(True)

        self.resolutionsLayout.addWidget(self.resolutionsEdit)

        self.tabs.addTab(self.resolutionsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(MeetingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.timeBoxLabel.setBuddy(self.timeBox)
        self.placeEditLabel.setBuddy(self.placeEdit)
        self.hostComboLabel.setBuddy(self.hostCombo)
        self.recorderComboLabel.setBuddy(self.recorderCombo)
        self.partyGroupComboLabel.setBuddy(self.partyGroupCombo)
        self.lecturerComboLabel.setBuddy(self.lecturerCombo)
        self.topicEditLabel.setBuddy(self.topicEdit)
        self.guestsEditLabel.setBuddy(self.guestsEdit)
        self.votesBoxLabel.setBuddy(self.votesForEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingDialog)

        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u8bb0\u5f55", None))
        self.kindComboLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u7c7b\u578b *", None))
        self.dateEditLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u65e5\u671f *", None))
        self.timeBoxLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u65f6\u95f4", None))
        self.timeToLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u81f3", None))
        self.placeEditLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5730\u70b9", None))
        self.hostComboLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4e3b\u6301\u4eba", None))
        self.recorderComboLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8bb0\u5f55\u4eba", None))
        self.partyGroupComboLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u515a\u5c0f\u7ec4", None))
        self.lecturerComboLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u6388\u8bfe\u4eba", None))
        self.voteCheck.setText(QCoreApplication.translate("MeetingDialog", u"\u6709\u8868\u51b3\u4e8b\u9879", None))
        self.topicEditLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8bae\u9898", None))
        self.guestsEditLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5217\u5e2d\u4eba\u5458", None))
        self.guestsEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u59d3\u540d\u53ca\u5355\u4f4d\uff0c\u7528\u201c\u3001\u201d\u5206\u9694", None))
        self.votesBoxLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8868\u51b3\u7ed3\u679c", None))
#if QT_CONFIG(tooltip)
        self.votesBox.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u53d1\u5c55\u515a\u5458\u3001\u9884\u5907\u515a\u5458\u8f6c\u6b63\u7b49\u8868\u51b3\u4e8b\u9879\u7684\u7968\u6570\uff1b\u4e0d\u586b\u8868\u793a\u672a\u8bb0\u5f55\u7968\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.votesForLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u540c\u610f", None))
        self.votesAgainstLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u7968\uff0c\u53cd\u5bf9", None))
        self.votesAbstainLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u7968\uff0c\u5f03\u6743", None))
        self.votesUnitLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u7968", None))
        self.attendanceSummaryLabel.setText("")
        self.allPresentButton.setText(QCoreApplication.translate("MeetingDialog", u"\u5168\u90e8\u51fa\u5e2d(&P)", None))
        self.leaveButton.setText(QCoreApplication.translate("MeetingDialog", u"\u8bbe\u4e3a\u8bf7\u5047(&L)", None))
        self.absentButton.setText(QCoreApplication.translate("MeetingDialog", u"\u8bbe\u4e3a\u7f3a\u5e2d(&X)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attendanceTab), QCoreApplication.translate("MeetingDialog", u"\u51fa\u52e4(&A)", None))
        self.contentEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u7684\u4e3b\u8981\u5185\u5bb9\u3001\u53d1\u8a00\u60c5\u51b5", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contentTab), QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u8bb0\u5f55(&J)", None))
        self.resolutionsEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u5f62\u6210\u7684\u51b3\u8bae\u6216\u51b3\u5b9a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.resolutionsTab), QCoreApplication.translate("MeetingDialog", u"\u51b3\u8bae(&D)", None))
        self.errorLabel.setText("")
    # retranslateUi

