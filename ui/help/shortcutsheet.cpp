#include "shortcutsheet.h"

#include "text/storytext.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace chronomap {

namespace {

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QLatin1String("&&"), QLatin1String("&"));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text.trimmed();
}

void walk(QMenu* menu, const QString& path, QList<ShortcutEntry>& out)
{
    for (QAction* a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        if (QMenu* sub = a->menu()) {
            walk(sub, path + QStringLiteral(" \u203a ") + plain(a->text()), out);
            continue;
        }
        if (a->text().isEmpty())
            continue;
        out << ShortcutEntry{a, path, plain(a->text()), a->shortcuts()};
    }
}

} // namespace

QList<ShortcutEntry> ShortcutSheet::collect(const QWidget* window)
{
    QList<ShortcutEntry> entries;
    const auto* main = qobject_cast<const QMainWindow*>(window);
    if (!main)
        return entries;
    for (QAction* top : main->menuBar()->actions())
        if (QMenu* menu = top->menu())
            walk(menu, plain(top->text()), entries);
    return entries;
}

ShortcutSheet::ShortcutSheet(QWidget* window, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutSheet"));
    resize(640, 620);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("shortcutSearch"));
    m_search->setPlaceholderText(tr("Search actions, menus or keys"));
    m_search->setAccessibleName(tr("Search shortcuts"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutSheet::filter);

    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setAccessibleName(tr("Actions and their shortcuts"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Action"), tr("Menu"), tr("Shortcut")});
    for (const ShortcutEntry& e : collect(window)) {
        QStringList keys;
        for (const QKeySequence& k : e.keys)
            keys << k.toString(QKeySequence::NativeText);
        auto* item = new QTreeWidgetItem(m_list, {e.text, e.menu, keys.join(tr(" or "))});
        item->setToolTip(0, plainToolTip(e.action->toolTip()));
        // Key names in the shortcut column are also searchable in their portable form.
        QStringList portable;
        for (const QKeySequence& k : e.keys)
            portable << k.toString(QKeySequence::PortableText);
        item->setData(2, Qt::UserRole, portable.join(u' '));
    }
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    auto* note = new QLabel(tr("Chart keys (zoom, lanes, ego view) work while that chart has "
                               "the focus: Ctrl+1 focuses the timeline, Ctrl+2 the actor map, "
                               "Ctrl+3 the events table."));
    note->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    m_search->setFocus();
}

void ShortcutSheet::filter(const QString& text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        bool match = needle.isEmpty() ||
                     item->data(2, Qt::UserRole).toString().contains(needle, Qt::CaseInsensitive);
        for (int c = 0; c < 3 && !match; ++c)
            match = item->text(c).contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

int ShortcutSheet::visibleRows() const
{
    int n = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        n += m_list->topLevelItem(i)->isHidden() ? 0 : 1;
    return n;
}

} // namespace chronomap
