#include "datefield.h"

#include "model/datephrase.h"
#include "theme/windowtheme.h"

#include <QDate>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace chronomap {

DateField::DateField(QWidget* parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_understood(new QLabel(this)),
      m_defaultYear(QDate::currentDate().year())
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_understood);
    m_edit->setPlaceholderText(tr("late October 2025, Aug 2025, 2025-10-24/26, c. 2019…"));
    m_edit->setAccessibleName(tr("Date"));
    m_understood->setWordWrap(true);
    m_understood->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_understood->setAccessibleName(tr("How the date was understood"));
    connect(m_edit, &QLineEdit::textChanged, this, &DateField::reparse);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        if (!m_touched) {
            m_touched = true;
            reparse();
        }
    });
    reparse();
}

void DateField::setDate(const PartialDate& date, const QString& displayDate)
{
    m_stored = date;
    m_storedText = !displayDate.isEmpty() ? displayDate : date.edtf();
    m_edit->setText(m_storedText);
    reparse();
}

QString DateField::text() const
{
    return m_edit->text();
}

void DateField::setText(const QString& text)
{
    m_edit->setText(text);
}

bool DateField::isAcceptable() const
{
    return m_date.isValid() || (m_optional && m_edit->text().trimmed().isEmpty());
}

QString DateField::displayDate() const
{
    if (m_stored.isValid() && m_edit->text() == m_storedText)
        return m_storedText == m_stored.edtf() ? QString() : m_storedText;
    const QString typed = m_edit->text().simplified();
    if (!m_date.isValid() || typed == m_date.edtf())
        return {};
    return typed;
}

void DateField::reparse()
{
    const QString typed = m_edit->text();
    if (m_optional && typed.trimmed().isEmpty()) {
        m_date = {};
        m_error.clear();
        m_understood->setText(tr("<i>No date: always</i>"));
    } else if (m_stored.isValid() && typed == m_storedText) {
        m_date = m_stored;
        m_error.clear();
        m_understood->setText(
            tr("As stored: <b>%1</b> — EDTF <code>%2</code>")
                .arg(m_date.describe().toHtmlEscaped(), m_date.edtf().toHtmlEscaped()));
    } else {
        m_date = parseDatePhrase(typed, &m_error, m_defaultYear);
        if (m_date.isValid()) {
            m_understood->setText(
                tr("Understood as <b>%1</b> — EDTF <code>%2</code>")
                    .arg(m_date.describe().toHtmlEscaped(), m_date.edtf().toHtmlEscaped()));
        } else if (!m_touched && typed.trimmed().isEmpty()) {
            // Nothing typed yet: a hint, not an error in red.
            m_understood->setText(
                tr("<i>Type a date, for example “late October 2025” or “2025-10-24”</i>"));
        } else {
            m_understood->setText(
                QStringLiteral("<span style='%1'>%2</span>")
                    .arg(WindowTheme::problemStyleSheet(palette()), m_error.toHtmlEscaped()));
        }
    }
    emit dateChanged();
}

} // namespace chronomap
