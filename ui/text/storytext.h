#pragma once

#include <QMessageBox>
#include <QString>

class QLabel;
class QWidget;

namespace chronomap {

// Story text is text in the window.
//
// Qt guesses rich text (Qt::mightBeRichText) in tooltips, QLabel, QMessageBox, item views'
// ToolTipRole, QProgressDialog and QInputDialog labels: a summary of <img src="/dev/zero">
// would load a file and grow until the program dies, and "A &lt; B" would show as "A < B".
// The rule for every place that shows story text, or anything read from a file:
//   - a label: Qt::PlainText (plainLabel, or setTextFormat before setText);
//   - a tooltip (setToolTip, ToolTipRole, QToolTip::showText): plainToolTip(text), which
//     wraps the escaped text in a <p style='white-space:pre-wrap'> we built, so Qt cannot take
//     it for markup and keeps its line breaks;
//   - a message box: warnPlain/informPlain/askPlain (Qt::PlainText); an input dialog:
//     askText/askMultiLineText;
//   - HTML we build (QTextBrowser, hover cards, rich labels): every piece of story text goes
//     through escapedHtml, also inside attributes.
// Our own translated texts may carry markup; story text never does.

// & < > " and ' escaped: safe in HTML text and in quoted attributes.
QString escapedHtml(const QString& text);
// escapedHtml with line breaks kept (<br>).
QString escapedHtmlLines(const QString& text);
// A tooltip that shows `text` exactly as it is; empty stays empty (no tooltip).
QString plainToolTip(const QString& text);
// Makes `label` show text as plain text and returns it.
QLabel* plainLabel(QLabel* label);

// QInputDialog::getText / getMultiLineText with the label shown as plain text (it may name a
// scene or an author).
QString askText(QWidget* parent, const QString& title, const QString& label,
                const QString& text = {}, bool* ok = nullptr);
QString askMultiLineText(QWidget* parent, const QString& title, const QString& label,
                         const QString& text = {}, bool* ok = nullptr);

// Message boxes whose text is shown as plain text.
void warnPlain(QWidget* parent, const QString& title, const QString& text);
void informPlain(QWidget* parent, const QString& title, const QString& text);
QMessageBox::StandardButton
askPlain(QWidget* parent, const QString& title, const QString& text,
         QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
         QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);

} // namespace chronomap
