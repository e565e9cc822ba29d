# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appraisal_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTableView, QVBoxLayout, QWidget)

class Ui_AppraisalDialog(object):
    def setupUi(self, AppraisalDialog):
        if not AppraisalDialog.objectName():
            AppraisalDialog.setObjectName(u"AppraisalDialog")
        AppraisalDialog.resize(680, 620)
        self.mainLayout = QVBoxLayout(AppraisalDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.yearRow = QHBoxLayout()
        self.yearRow.setObjectName(u"yearRow")
        self.yearLabel = QLabel(AppraisalDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.yearRow.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(AppraisalDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setValue(2025)
        self.yearSpin.setMinimumSize(QSize(90, 0))

        self.yearRow.addWidget(self.yearSpin)

        self.summaryLabel = QLabel(AppraisalDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.yearRow.addWidget(self.summaryLabel)

        self.spacer1 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearRow.addItem(self.spacer1)


        self.mainLayout.addLayout(self.yearRow)

        self.ratingButtons = QHBoxLayout()
        self.ratingButtons.setObjectName(u"ratingButtons")
        self.allQualifiedButton = QPushButton(AppraisalDialog)
        self.allQualifiedButton.setObjectName(u"allQualifiedButton")
        self.allQualifiedButton.setAutoDefault(False)

        self.ratingButtons.addWidget(self.allQualifiedButton)

        self.clearButton = QPushButton(AppraisalDialog)
        self.clearButton.setObjectName(u"clearButton")
        self.clearButton.setAutoDefault(False)

        self.ratingButtons.addWidget(self.clearButton)

        self.spacer2 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ratingButtons.addItem(self.spacer2)


        self.mainLayout.addLayout(self.ratingButtons)

        self.ratingsTable = QTableView(AppraisalDialog)
        self.ratingsTable.setObjectName(u"ratingsTable")
        self.ratingsTable.setAlternatingRowColors(True)
        self.ratingsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.mainLayout.addWidget(self.ratingsTable)

        self.errorLabel = QLabel(AppraisalDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828; font-weight: bold;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AppraisalDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AppraisalDialog)

        QMetaObject.connectSlotsByName(AppraisalDialog)
    # setupUi

    def retranslateUi(self, AppraisalDialog):
        AppraisalDialog.setWindowTitle(QCoreApplication.translate("AppraisalDialog", u"\u6c11\u4e3b\u8bc4\u8bae\u7ed3\u679c", None))
        self.yearLabel.setText(QCoreApplication.translate("AppraisalDialog", u"\u5e74\u5ea6", None))
        self.summaryLabel.setText("")
        self.allQualifiedButton.setText(QCoreApplication.translate("AppraisalDialog", u"\u672a\u8bc4\u7684\u8bbe\u4e3a\u5408\u683c", None))
        self.clearButton.setText(QCoreApplication.translate("AppraisalDialog", u"\u6e05\u9664\u6240\u9009", None))
        self.errorLabel.setText("")
    # retranslateUi

