#include "scenespanel.h"

#include "edit/sceneedits.h"
#include "story/story.h"
#include "text/storytext.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace chronomap {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

ScenesPanel::ScenesPanel(Story* story, std::function<QString()> capture, QWidget* parent)
    : QWidget(parent), m_story(story), m_capture(std::move(capture)), m_list(new QListWidget),
      m_caption(new QLabel), m_empty(new QLabel)
{
    setObjectName(QStringLiteral("scenesPanel"));
    m_list->setObjectName(QStringLiteral("sceneList"));
    m_list->setAccessibleName(tr("Scenes"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_caption->setWordWrap(true);
    m_caption->setObjectName(QStringLiteral("sceneCaption"));
    m_caption->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No scenes yet. Set up the charts as you want them shown (window, "
                        "filters, selection), then press Add to save the view as a scene. "
                        "Present (F5) plays the scenes in order."));

    auto make = [this](const QString& text, const QString& tip, const QKeySequence& key = {}) {
        auto* a = new QAction(text, this);
        a->setToolTip(tip);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        QWidget::addAction(a);
        return a;
    };
    m_add = make(tr("Add"), tr("Save the current view as a new scene"));
    m_update = make(tr("Update"), tr("Replace the scene's view with the current view"));
    m_rename = make(tr("Rename…"), tr("Rename the scene"), QKeySequence(Qt::Key_F2));
    m_editCaption = make(tr("Caption…"), tr("Edit the caption shown under the scene"));
    m_up =
        make(tr("Up"), tr("Play this scene earlier (Alt+Up)"), QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = make(tr("Down"), tr("Play this scene later (Alt+Down)"),
                  QKeySequence(Qt::ALT | Qt::Key_Down));
    m_delete = make(tr("Delete"), tr("Delete the scene (Edit › Undo brings it back)"),
                    QKeySequence::Delete);
    m_present = make(tr("Present"), tr("Play the scenes full screen (F5)"));
    m_export = make(tr("Export…"), tr("Export every scene as a PDF deck or numbered PNGs"));
    m_add->setObjectName(QStringLiteral("addScene"));
    m_update->setObjectName(QStringLiteral("updateScene"));
    m_rename->setObjectName(QStringLiteral("renameScene"));
    m_editCaption->setObjectName(QStringLiteral("editSceneCaption"));
    m_up->setObjectName(QStringLiteral("sceneUp"));
    m_down->setObjectName(QStringLiteral("sceneDown"));
    m_delete->setObjectName(QStringLiteral("deleteScene"));

    auto* bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addActions({m_add, m_update, m_rename, m_editCaption, m_up, m_down, m_delete});
    auto* bar2 = new QToolBar;
    bar2->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar2->addActions({m_present, m_export});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(bar);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_caption);
    layout->addWidget(bar2);

    connect(m_add, &QAction::triggered, this, &ScenesPanel::promptAdd);
    connect(m_update, &QAction::triggered, this, [this] { updateScene(currentScene()); });
    connect(m_rename, &QAction::triggered, this, &ScenesPanel::promptRename);
    connect(m_editCaption, &QAction::triggered, this, &ScenesPanel::promptCaption);
    connect(m_up, &QAction::triggered, this,
            [this] { moveScene(currentScene(), m_list->currentRow() - 1); });
    connect(m_down, &QAction::triggered, this,
            [this] { moveScene(currentScene(), m_list->currentRow() + 1); });
    connect(m_delete, &QAction::triggered, this, [this] { deleteScene(currentScene()); });
    connect(m_present, &QAction::triggered, this, &ScenesPanel::presentRequested);
    connect(m_export, &QAction::triggered, this, &ScenesPanel::exportRequested);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit sceneActivated(item->data(IdRole).toLongLong());
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ScenesPanel::updateActions);
    // A drop has finished moving the row when the event loop comes back: read the new order
    // then (the model is still mid-move inside rowsMoved).
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        if (!m_reloading)
            QTimer::singleShot(0, this, &ScenesPanel::onRowsMoved);
    });
    connect(story, &Story::changed, this, &ScenesPanel::onStoryChanged);
    reload();
}

Id ScenesPanel::currentScene() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(IdRole).toLongLong() : 0;
}

void ScenesPanel::setCurrentScene(Id id)
{
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(IdRole).toLongLong() == id)
            m_list->setCurrentRow(row);
}

void ScenesPanel::reload()
{
    const Id keep = currentScene();
    m_reloading = true;
    m_list->clear();
    int row = 0;
    for (const Scene& s : orderedScenes(m_story->store())) {
        auto* item = new QListWidgetItem(QStringLiteral("%1. %2").arg(++row).arg(s.name));
        item->setData(IdRole, s.id);
        item->setToolTip(plainToolTip(s.caption));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        m_list->addItem(item);
    }
    m_reloading = false;
    if (keep)
        setCurrentScene(keep);
    if (!m_list->currentItem() && m_list->count())
        m_list->setCurrentRow(0);
    m_empty->setVisible(m_list->count() == 0);
    updateActions();
}

void ScenesPanel::onStoryChanged(const Change& change)
{
    if (change.action == Change::Action::Reset || change.kind == EntityKind::Scene)
        reload();
}

void ScenesPanel::onRowsMoved()
{
    // One row was dragged: find it by comparing the list with the stored order.
    QList<Id> now;
    for (int row = 0; row < m_list->count(); ++row)
        now << m_list->item(row)->data(IdRole).toLongLong();
    QList<Id> stored;
    for (const Scene& s : orderedScenes(m_story->store()))
        stored << s.id;
    if (now == stored || now.size() != stored.size())
        return reload();
    qsizetype i = 0;
    while (now[i] == stored[i])
        ++i;
    // Either now[i] came up from further down, or stored[i] went down.
    QList<Id> a = stored, b = now;
    a.removeOne(now[i]);
    b.removeOne(now[i]);
    const Id moved = a == b ? now[i] : stored[i];
    if (!moveScene(moved, int(now.indexOf(moved))))
        reload(); // refused (read-only, busy file): show the stored order again
}

void ScenesPanel::updateActions()
{
    const bool writable = !m_story->isReadOnly();
    const int row = m_list->currentRow();
    const bool has = row >= 0;
    m_add->setEnabled(writable);
    m_update->setEnabled(writable && has);
    m_rename->setEnabled(writable && has);
    m_editCaption->setEnabled(writable && has);
    m_up->setEnabled(writable && row > 0);
    m_down->setEnabled(writable && has && row + 1 < m_list->count());
    m_delete->setEnabled(writable && has);
    m_export->setEnabled(m_list->count() > 0);
    m_list->setDragEnabled(writable);
    QString caption;
    if (has)
        for (const Scene& s : orderedScenes(m_story->store()))
            if (s.id == currentScene())
                caption = s.caption;
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
}

bool ScenesPanel::addScene(const QString& name, const QString& caption)
{
    const int at = m_list->currentRow() >= 0 ? m_list->currentRow() + 1 : m_list->count();
    auto* command = makeAddScene(m_story, uniqueSceneName(m_story->store(), name), caption,
                                 m_capture ? m_capture() : QString(), at);
    if (!EditGuard::push(m_story, command))
        return false;
    setCurrentScene(command->createdId());
    return true;
}

bool ScenesPanel::renameScene(Id id, const QString& name)
{
    return EditGuard::push(m_story, makeRenameScene(m_story, id, name));
}

bool ScenesPanel::setCaption(Id id, const QString& caption)
{
    return EditGuard::push(m_story, makeSetSceneCaption(m_story, id, caption));
}

bool ScenesPanel::updateScene(Id id)
{
    if (!m_capture)
        return false;
    return EditGuard::push(m_story, makeSetSceneState(m_story, id, m_capture()));
}

bool ScenesPanel::moveScene(Id id, int index)
{
    if (!EditGuard::push(m_story, makeMoveScene(m_story, id, index)))
        return false;
    setCurrentScene(id);
    return true;
}

bool ScenesPanel::deleteScene(Id id)
{
    return EditGuard::push(m_story, makeDeleteScene(m_story, id));
}

void ScenesPanel::promptAdd()
{
    bool ok = false;
    const QString name = askText(
        this, tr("Add Scene"), tr("Name of the new scene (the current view is saved with it):"),
        uniqueSceneName(m_story->store(), tr("Scene %1").arg(m_list->count() + 1)), &ok);
    if (ok)
        addScene(name);
}

void ScenesPanel::promptRename()
{
    const Id id = currentScene();
    for (const Scene& s : orderedScenes(m_story->store())) {
        if (s.id != id)
            continue;
        bool ok = false;
        const QString name = askText(this, tr("Rename Scene"), tr("Name:"), s.name, &ok);
        if (ok && !name.trimmed().isEmpty())
            renameScene(id, name);
    }
}

void ScenesPanel::promptCaption()
{
    const Id id = currentScene();
    for (const Scene& s : orderedScenes(m_story->store())) {
        if (s.id != id)
            continue;
        bool ok = false;
        const QString caption = askMultiLineText(
            this, tr("Scene Caption"),
            tr("Caption of “%1” (shown under the charts when presenting and in exports):")
                .arg(s.name),
            s.caption, &ok);
        if (ok)
            setCaption(id, caption.trimmed());
    }
}

} // namespace chronomap
