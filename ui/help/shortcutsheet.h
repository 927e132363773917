#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QAction;
class QLineEdit;
class QTreeWidget;

namespace chronomap {

// One action of the window as the shortcut sheet lists it.
struct ShortcutEntry
{
    QAction* action = nullptr;
    QString menu; // "View › Actor Map" (the path of menus it is in)
    QString text; // without the & mnemonics and the trailing ellipsis
    QList<QKeySequence> keys;
};

// Help › Keyboard Shortcuts: every action in the window's menus with its keys, read from the
// actions themselves each time it opens, so it cannot go stale. Rows come in the menus' own
// order (File, Edit, …), as the user knows them; a search field narrows the list by action,
// menu or key.
class ShortcutSheet final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutSheet(QWidget* window, QWidget* parent = nullptr);

    // Every action reachable from the window's menu bar, depth first, in menu order.
    static QList<ShortcutEntry> collect(const QWidget* window);

    QLineEdit* searchField() const { return m_search; }
    QTreeWidget* list() const { return m_list; }
    // Rows not hidden by the search.
    int visibleRows() const;

private:
    void filter(const QString& text);

    QLineEdit* m_search = nullptr;
    QTreeWidget* m_list = nullptr;
};

} // namespace chronomap
