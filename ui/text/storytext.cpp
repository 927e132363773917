#include "storytext.h"

#include <QInputDialog>
#include <QLabel>

namespace chronomap {

QString escapedHtml(const QString& text)
{
    QString out = text.toHtmlEscaped();
    out.replace(u'\'', QLatin1String("&#39;"));
    return out;
}

QString escapedHtmlLines(const QString& text)
{
    QString out = escapedHtml(text);
    out.replace(u'\n', QLatin1String("<br>"));
    return out;
}

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(escapedHtml(text));
}

QLabel* plainLabel(QLabel* label)
{
    label->setTextFormat(Qt::PlainText);
    return label;
}

namespace {

QString ask(QWidget* parent, const QString& title, const QString& label, const QString& text,
            bool* ok, bool multiLine)
{
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    for (QLabel* l : dialog.findChildren<QLabel*>())
        l->setTextFormat(Qt::PlainText);
    dialog.setOption(QInputDialog::UsePlainTextEditForTextInput, multiLine);
    dialog.setTextValue(text);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    if (ok)
        *ok = accepted;
    return accepted ? dialog.textValue() : QString();
}

QMessageBox::StandardButton show(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                 const QString& text, QMessageBox::StandardButtons buttons,
                                 QMessageBox::StandardButton defaultButton)
{
    QMessageBox box(icon, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace

QString askText(QWidget* parent, const QString& title, const QString& label, const QString& text,
                bool* ok)
{
    return ask(parent, title, label, text, ok, false);
}

QString askMultiLineText(QWidget* parent, const QString& title, const QString& label,
                         const QString& text, bool* ok)
{
    return ask(parent, title, label, text, ok, true);
}

void warnPlain(QWidget* parent, const QString& title, const QString& text)
{
    show(parent, QMessageBox::Warning, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void informPlain(QWidget* parent, const QString& title, const QString& text)
{
    show(parent, QMessageBox::Information, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton askPlain(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton)
{
    return show(parent, QMessageBox::Question, title, text, buttons, defaultButton);
}

} // namespace chronomap
