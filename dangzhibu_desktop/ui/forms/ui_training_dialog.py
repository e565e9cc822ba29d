# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'training_dialog.ui'
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
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

from dangzhibu_desktop.ui.widgets.datefield import DateField

class Ui_TrainingDialog(object):
    def setupUi(self, TrainingDialog):
        if not TrainingDialog.objectName():
            TrainingDialog.setObjectName(u"TrainingDialog")
        TrainingDialog.resize(780, 620)
        self.mainLayout = QVBoxLayout(TrainingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headGrid = QGridLayout()
        self.headGrid.setObjectName(u"headGrid")
        self.titleEditLabel = QLabel(TrainingDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.headGrid.addWidget(self.titleEditLabel, 0, 0, 1, 1)

        self.titleEdit = QLineEdit(TrainingDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.headGrid.addWidget(self.titleEdit, 0, 1, 1, 3)

        self.dateEditLabel = QLabel(TrainingDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.headGrid.addWidget(self.dateEditLabel, 1, 0, 1, 1)

        self.dateEdit = DateField(TrainingDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.headGrid.addWidget(self.dateEdit, 1, 1, 1, 1)

        self.hoursEditLabel = QLabel(TrainingDialog)
        self.hoursEditLabel.setObjectName(u"hoursEditLabel")

        self.headGrid.addWidget(self.hoursEditLabel, 1, 2, 1, 1)

        self.hoursEdit = QLineEdit(TrainingDialog)
        self.hoursEdit.setObjectName(u"hoursEdit")

        self.headGrid.addWidget(self.hoursEdit, 1, 3, 1, 1)

        self.kindComboLabel = QLabel(TrainingDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.headGrid.addWidget(self.kindComboLabel, 2, 0, 1, 1)

        self.kindCombo = QComboBox(TrainingDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.headGrid.addWidget(self.kindCombo, 2, 1, 1, 1)

        self.headGrid.setColumnStretch(1, 1)
        self.headGrid.setColumnStretch(3, 1)

        self.mainLayout.addLayout(self.headGrid)

        self.participantButtons = QHBoxLayout()
        self.participantButtons.setObjectName(u"participantButtons")
        self.summaryLabel = QLabel(TrainingDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.participantButtons.addWidget(self.summaryLabel)

        self.spacer1 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.participantButtons.addItem(self.spacer1)

        self.selectAllButton = QPushButton(TrainingDialog)
        self.selectAllButton.setObjectName(u"selectAllButton")
        self.selectAllButton.setAutoDefault(False)

        self.participantButtons.addWidget(self.selectAllButton)

        self.selectNoneButton = QPushButton(TrainingDialog)
        self.selectNoneButton.setObjectName(u"selectNoneButton")
        self.selectNoneButton.setAutoDefault(False)

        self.participantButtons.addWidget(self.selectNoneButton)


        self.mainLayout.addLayout(self.participantButtons)

        self.participantsTable = QTableView(TrainingDialog)
        self.participantsTable.setObjectName(u"participantsTable")
        self.participantsTable.setAlternatingRowColors(True)
        self.participantsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.mainLayout.addWidget(self.participantsTable)

        self.errorLabel = QLabel(TrainingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TrainingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.hoursEditLabel.setBuddy(self.hoursEdit)
        self.kindComboLabel.setBuddy(self.kindCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TrainingDialog)

        QMetaObject.connectSlotsByName(TrainingDialog)
    # setupUi

    def retranslateUi(self, TrainingDialog):
        TrainingDialog.setWindowTitle(QCoreApplication.translate("TrainingDialog", u"\u6559\u80b2\u57f9\u8bad", None))
        self.titleEditLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u540d\u79f0 *", None))
        self.dateEditLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u65e5\u671f *", None))
        self.hoursEditLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u5b66\u65f6 *", None))
        self.hoursEdit.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u5c0f\u65f6\uff0c\u5982 2.5", None))
        self.kindComboLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u5f62\u5f0f", None))
        self.summaryLabel.setText("")
        self.selectAllButton.setText(QCoreApplication.translate("TrainingDialog", u"\u5168\u90e8\u53c2\u52a0", None))
        self.selectNoneButton.setText(QCoreApplication.translate("TrainingDialog", u"\u5168\u90e8\u53d6\u6d88", None))
        self.errorLabel.setText("")
    # retranslateUi

