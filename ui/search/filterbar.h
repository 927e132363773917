#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QMenu;
class QPushButton;
class QToolButton;

namespace chronomap {

class Selection;
class Story;

// The filter bar under the toolbar: menus to filter by actor, category, tag, verification
// status, date window and search hits (Selection::setFilter, which every view, the counts and
// events table obey), the active filters as removable chips, and one "Clear filters".
class FilterBar final : public QWidget
{
    Q_OBJECT

public:
    FilterBar(Story* story, Selection* selection, QWidget* parent = nullptr);

    // The chips' texts, for tests and screen readers.
    QStringList activeFilters() const;
    void clearFilters();
    // Asks for a date window ("Aug 2025 to Nov 2025") and applies it.
    void chooseWindow();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildChips();
    void fillActorMenu();
    void fillCategoryMenu();
    void fillTagMenu();
    void fillStatusMenu();
    void addChip(const QString& text, const std::function<void()>& remove);

    Story* m_story;
    Selection* m_selection;
    QHBoxLayout* m_chips;
    QLabel* m_none;
    QPushButton* m_clear;
    QMenu* m_actorMenu;
    QMenu* m_categoryMenu;
    QMenu* m_tagMenu;
    QMenu* m_statusMenu;
    QStringList m_active;
};

} // namespace chronomap
