#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace chronomap {

// Asks for a note (or a reply) to the other editors: a text box that wraps what is typed,
// and a line saying whose name signs it (the author set in Preferences).
class NoteDialog final : public QDialog
{
    Q_OBJECT

public:
    NoteDialog(const QString& author, bool reply, QWidget* parent = nullptr);

    QString text() const;
    QPlainTextEdit* editor() const { return m_text; }
    QString signature() const;

private:
    QPlainTextEdit* m_text;
    QLabel* m_signed;
    QPushButton* m_ok;
};

} // namespace chronomap
