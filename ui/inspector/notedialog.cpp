#include "notedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chronomap {

NoteDialog::NoteDialog(const QString& author, bool reply, QWidget* parent)
    : QDialog(parent), m_text(new QPlainTextEdit(this)), m_signed(new QLabel(this))
{
    setWindowTitle(reply ? tr("Reply") : tr("Add a Note"));
    auto* layout = new QVBoxLayout(this);
    auto* prompt = new QLabel(reply ? tr("Your reply to the note:")
                                    : tr("A note for the other editors of this story:"),
                              this);
    prompt->setWordWrap(true);
    prompt->setTextFormat(Qt::PlainText);
    prompt->setBuddy(m_text);
    layout->addWidget(prompt);
    // Long notes wrap at the box's edge, on word boundaries.
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleName(reply ? tr("Reply") : tr("Note"));
    layout->addWidget(m_text, 1);
    m_signed->setWordWrap(true);
    m_signed->setTextFormat(Qt::PlainText); // the author's name is shown as written
    m_signed->setText(tr("Signed “%1” (Edit › Preferences sets the name).").arg(author));
    layout->addWidget(m_signed);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(reply ? tr("Reply") : tr("Add Note"));
    m_ok->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this,
            [this] { m_ok->setEnabled(!text().isEmpty()); });
    resize(480, 300);
}

QString NoteDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

QString NoteDialog::signature() const
{
    return m_signed->text();
}

} // namespace chronomap
