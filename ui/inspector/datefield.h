#pragma once

#include "model/partialdate.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace chronomap {

// A date as reporters type it ("late October 2025", "c. 2019", plain EDTF), with a live line
// beneath saying how it was understood: the EDTF and the reader's description, or what to fix.
class DateField final : public QWidget
{
    Q_OBJECT

public:
    explicit DateField(QWidget* parent = nullptr);

    // Shows a stored date: the story's own words if it has them, else the EDTF.
    void setDate(const PartialDate& date, const QString& displayDate = {});
    QString text() const;
    void setText(const QString& text);
    // A phrase without a year takes this one, marked as inferred.
    void setDefaultYear(int year)
    {
        m_defaultYear = year;
        reparse();
    }
    // Empty allowed (relations valid "always"): an empty field is then valid and invalid date.
    void setOptional(bool optional) { m_optional = optional; }

    bool isAcceptable() const;
    PartialDate date() const { return m_date; }
    // The text to keep as the display date: what was typed, unless it was plain EDTF.
    QString displayDate() const;
    QString error() const { return m_error; }
    QLineEdit* lineEdit() const { return m_edit; }

signals:
    void dateChanged();

private:
    void reparse();

    QLineEdit* m_edit;
    QLabel* m_understood;
    PartialDate m_date;
    QString m_error;
    // The stored date and its words: the words stand for that date while left as they are
    // ("during the previous administration" is no phrase the parser reads).
    PartialDate m_stored;
    QString m_storedText;
    int m_defaultYear = 0;
    bool m_optional = false;
    bool m_touched = false; // the user typed in it: only then is an empty field an error
};

} // namespace chronomap
