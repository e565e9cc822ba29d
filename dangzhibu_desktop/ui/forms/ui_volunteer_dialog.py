# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'volunteer_dialog.ui'
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
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_VolunteerDialog(object):
    def setupUi(self, VolunteerDialog):
        if not VolunteerDialog.objectName():
            VolunteerDialog.setObjectName(u"VolunteerDialog")
        VolunteerDialog.resize(820, 650)
        self.mainLayout = QVBoxLayout(VolunteerDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headGrid = QGridLayout()
        self.headGrid.setObjectName(u"headGrid")
        self.titleEditLabel = QLabel(VolunteerDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.headGrid.addWidget(self.titleEditLabel, 0, 0, 1, 1)

        self.titleEdit = QLineEdit(VolunteerDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.headGrid.addWidget(self.titleEdit, 0, 1, 1, 3)

        self.dateEditLabel = QLabel(VolunteerDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.headGrid.addWidget(self.dateEditLabel, 1, 0, 1, 1)

        self.dateEdit = DateField(VolunteerDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.headGrid.addWidget(self.dateEdit, 1, 1, 1, 1)

        self.kindComboLabel = QLabel(VolunteerDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.headGrid.addWidget(self.kindComboLabel, 1, 2, 1, 1)

        self.kindCombo = QComboBox(VolunteerDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.headGrid.addWidget(self.kindCombo, 1, 3, 1, 1)

        self.placeEditLabel = QLabel(VolunteerDialog)
        self.placeEditLabel.setObjectName(u"placeEditLabel")

        self.headGrid.addWidget(self.placeEditLabel, 2, 0, 1, 1)

        self.placeEdit = QLineEdit(VolunteerDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.headGrid.addWidget(self.placeEdit, 2, 1, 1, 1)

        self.defaultHoursEditLabel = QLabel(VolunteerDialog)
        self.defaultHoursEditLabel.setObjectName(u"defaultHoursEditLabel")

        self.headGrid.addWidget(self.defaultHoursEditLabel, 2, 2, 1, 1)

        self.defaultHoursEdit = QLineEdit(VolunteerDialog)
        self.defaultHoursEdit.setObjectName(u"defaultHoursEdit")

        self.headGrid.addWidget(self.defaultHoursEdit, 2, 3, 1, 1)

        self.descriptionEditLabel = QLabel(VolunteerDialog)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.headGrid.addWidget(self.descriptionEditLabel, 3, 0, 1, 1)

        self.descriptionEdit = QPlainTextEdit(VolunteerDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 80))

        self.headGrid.addWidget(self.descriptionEdit, 3, 1, 1, 3)

        self.headGrid.setColumnStretch(1, 1)
        self.headGrid.setColumnStretch(3, 1)

        self.mainLayout.addLayout(self.headGrid)

        self.participantButtons = QHBoxLayout()
        self.participantButtons.setObjectName(u"participantButtons")
        self.summaryLabel = QLabel(VolunteerDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.participantButtons.addWidget(self.summaryLabel)

        self.spacer1 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.participantButtons.addItem(self.spacer1)

        self.selectAllButton = QPushButton(VolunteerDialog)
        self.selectAllButton.setObjectName(u"selectAllButton")
        self.selectAllButton.setAutoDefault(False)

        self.participantButtons.addWidget(self.selectAllButton)

        self.selectNoneButton = QPushButton(VolunteerDialog)
        self.selectNoneButton.setObjectName(u"selectNoneButton")
        self.selectNoneButton.setAutoDefault(False)

        self.participantButtons.addWidget(self.selectNoneButton)


        self.mainLayout.addLayout(self.participantButtons)

        self.hoursTable = QTableView(VolunteerDialog)
        self.hoursTable.setObjectName(u"hoursTable")
        self.hoursTable.setAlternatingRowColors(True)
        self.hoursTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.mainLayout.addWidget(self.hoursTable)

        self.errorLabel = QLabel(VolunteerDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(VolunteerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.placeEditLabel.setBuddy(self.placeEdit)
        self.defaultHoursEditLabel.setBuddy(self.defaultHoursEdit)
        self.descriptionEditLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(VolunteerDialog)

        QMetaObject.connectSlotsByName(VolunteerDialog)
    # setupUi

    def retranslateUi(self, VolunteerDialog):
        VolunteerDialog.setWindowTitle(QCoreApplication.translate("VolunteerDialog", u"\u5fd7\u613f\u670d\u52a1", None))
        self.titleEditLabel.setText(QCoreApplication.translate("VolunteerDialog", u"\u6d3b\u52a8\u540d\u79f0 *", None))
        self.dateEditLabel.setText(QCoreApplication.translate("VolunteerDialog", u"\u65e5\u671f *", None))
        self.kindComboLabel.setText(QCoreApplication.translate("VolunteerDialog", u"\u7c7b\u522b *", None))
        self.placeEditLabel.setText(QCoreApplication.translate("VolunteerDialog", u"\u5730\u70b9", None))
        self.defaultHoursEditLabel.setText(QCoreApplication.translate("VolunteerDialog", u"\u9ed8\u8ba4\u65f6\u957f", None))
        self.defaultHoursEdit.setPlaceholderText(QCoreApplication.translate("VolunteerDialog", u"\u52fe\u9009\u4eba\u5458\u65f6\u586b\u5165\u7684\u5c0f\u65f6\u6570", None))
        self.descriptionEditLabel.setText(QCoreApplication.translate("VolunteerDialog", u"\u6d3b\u52a8\u5185\u5bb9", None))
        self.summaryLabel.setText("")
        self.selectAllButton.setText(QCoreApplication.translate("VolunteerDialog", u"\u5168\u90e8\u53c2\u52a0", None))
        self.selectNoneButton.setText(QCoreApplication.translate("VolunteerDialog", u"\u5168\u90e8\u53d6\u6d88", None))
        self.errorLabel.setText("")
    # retranslateUi

