#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace chronomap {

// Edit › Preferences: the author name notes are signed with, the theme, the lanes a new
// timeline starts with, and clearing the recent files. OK saves to Preferences; the window
// applies what changed.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // Writes the dialog's values to Preferences (what OK does).
    void save();

    QLineEdit* authorField() const { return m_author; }
    QComboBox* themeBox() const { return m_theme; }
    QComboBox* lanesBox() const { return m_lanes; }

private:
    QLineEdit* m_author = nullptr;
    QComboBox* m_theme = nullptr;
    QComboBox* m_lanes = nullptr;
    QPushButton* m_clearRecent = nullptr;
};

} // namespace chronomap
