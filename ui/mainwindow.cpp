#include "mainwindow.h"

#include "actormap/actormapview.h"
#include "annotations/annotationspanel.h"
#include "edit/edits.h"
#include "events/eventtablemodel.h"
#include "inspector/citedialog.h"
#include "inspector/detailspanel.h"
#include "present/scenescontroller.h"
#include "export/exportactions.h"
#include "interchange/interchangeactions.h"
#include "query/selection.h"
#include "search/filterbar.h"
#include "search/searchpanel.h"
#include "story/story.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

namespace chronomap {

namespace {
constexpr int kMaxRecent = 8;
// Sorting by any column but the date reads every row from the file: keep it for stories a
// table can sort quickly.
constexpr qint64 kSortableRows = 200000;
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Chronomap"));
    setAcceptDrops(true);
    resize(1400, 900);
    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);
    buildMenus();
    // Another window or process may edit the same story: look for its commits now and then
    // (PRAGMA data_version is a cheap in-memory check).
    m_poll = new QTimer(this);
    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &MainWindow::pollOutsideChanges);
    m_poll->start();
}

MainWindow::~MainWindow()
{
    clearViews();
}

QString MainWindow::defaultStoryPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("peace-plan.chronomap"));
}

bool MainWindow::openInitial(const QString& file)
{
    QString path = file;
    if (path.isEmpty()) {
        path = defaultStoryPath();
        if (!QFileInfo::exists(path)) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            try {
                Story::create(path);
            } catch (const StoreError& e) {
                showError(e.message());
                return true;
            }
        }
    }
    openStory(path);
    return true;
}

bool MainWindow::openStory(const QString& path)
{
    std::unique_ptr<Story> story;
    try {
        // The page-by-page check runs in the background so a large story shows at once; the
        // header, version and schema are checked before anything is read.
        story = Story::open(path, Store::Mode::ReadWrite, Store::Check::Deferred);
    } catch (const StoreError& e) {
        showError(e.message());
        return false;
    }
    connect(story.get(), &Story::integrityChecked, this, [this, path](const QString& problem) {
        if (problem.isEmpty() || !m_story || m_story->path() != path)
            return;
        // A damaged story stays on screen, read-only, so nothing more is written into it.
        showError(problem);
        try {
            auto readOnly = Story::open(path, Store::Mode::ReadOnly, Store::Check::Deferred);
            clearViews();
            m_story = std::move(readOnly);
            buildViews();
            setWindowTitle(tr("%1 — Chronomap (read-only: damaged)").arg(m_story->title()));
        } catch (const StoreError& e) {
            showError(e.message());
        }
    }, Qt::QueuedConnection); // queued: the slot replaces the story that emits the signal
    story->startIntegrityCheck();
    clearViews();
    m_story = std::move(story);
    QSettings settings;
    const QString author = settings.value(QStringLiteral("author")).toString();
    if (!author.isEmpty())
        m_story->setAuthor(author);
    buildViews();
    addRecent(QFileInfo(path).absoluteFilePath());
    setWindowTitle(
        tr("%1 — Chronomap%2")
            .arg(m_story->title(), m_story->isReadOnly() ? tr(" (read-only)") : QString()));
    setWindowFilePath(path);
    const StoryCounts c = m_story->store().counts();
    m_status->setText(
        tr("%L1 events · %L2 actors · %L3 relations").arg(c.events).arg(c.actors).arg(c.relations));
    return true;
}

void MainWindow::clearViews()
{
    // Views hold pointers to the story and the selection: they go first.
    delete m_scenes; // the Scenes dock and any presentation
    m_scenes = nullptr;
    delete m_eventsDock;
    m_eventsDock = nullptr;
    m_table = nullptr;
    delete m_detailsDock;
    m_detailsDock = nullptr;
    m_details = nullptr;
    delete m_annotationsDock;
    m_annotationsDock = nullptr;
    m_annotations = nullptr;
    delete m_searchDock;
    m_searchDock = nullptr;
    m_search = nullptr;
    delete m_historyDock;
    m_historyDock = nullptr;
    delete m_filterToolBar;
    m_filterToolBar = nullptr;
    m_filterBar = nullptr;
    delete m_undoAct;
    m_undoAct = nullptr;
    delete m_redoAct;
    m_redoAct = nullptr;
    delete takeCentralWidget();
    m_timeline = nullptr;
    m_actorMap = nullptr;
    delete m_model; // and its proxy
    m_model = nullptr;
    m_proxy = nullptr;
    delete m_selection;
    m_selection = nullptr;
    m_story.reset();
}

void MainWindow::buildViews()
{
    m_selection = new Selection(this);

    // The two charts share the centre: the timeline above, the actor map below.
    auto* charts = new QSplitter(Qt::Vertical);
    charts->setObjectName(QStringLiteral("charts"));
    m_timeline = new TimelineView(m_story.get(), m_selection, charts);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_actorMap = new ActorMapView(m_story.get(), m_selection, charts);
    m_actorMap->setObjectName(QStringLiteral("actorMap"));
    charts->addWidget(m_timeline);
    charts->addWidget(m_actorMap);
    // Both charts need real height: the map crowds its nodes when squeezed.
    charts->setStretchFactor(0, 11);
    charts->setStretchFactor(1, 9);
    charts->setSizes({550, 450});
    setCentralWidget(charts);

    // The events table: the accessible alternative to the timeline.
    m_model = new EventTableModel(m_story.get(), this);
    // The table obeys the same filters as the charts.
    auto* proxy = new EventFilterProxy(m_model, m_story.get(), m_selection, m_model);
    m_proxy = proxy;
    proxy->setSortRole(EventTableModel::SortKeyRole);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setAccessibleName(tr("Events"));
    m_table->setModel(proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showTableMenu);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(EventTableModel::DateColumn, 260);
    m_table->setColumnWidth(EventTableModel::TitleColumn, 420);
    m_table->setColumnWidth(EventTableModel::CategoryColumn, 130);
    m_table->setColumnWidth(EventTableModel::StatusColumn, 90);
    const bool small = m_story->store().counts().events <= kSortableRows;
    m_table->setSortingEnabled(small);
    if (small) {
        // Dates sort by their earliest instant, the other columns by their text.
        connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, proxy,
                [proxy](int column, Qt::SortOrder) {
                    proxy->setSortRole(column == EventTableModel::DateColumn
                                           ? int(EventTableModel::SortKeyRole)
                                           : int(Qt::DisplayRole));
                });
        m_table->sortByColumn(EventTableModel::DateColumn, Qt::AscendingOrder);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, proxy](const QModelIndex& current) {
                const Id id = proxy->data(current, EventTableModel::IdRole).toLongLong();
                if (!id)
                    return;
                m_selection->selectEvents({id});
                m_selection->setCurrent(EntityRef{EntityKind::Event, id});
            });
    // Picking an event elsewhere shows its row.
    connect(m_selection, &Selection::currentChanged, m_table, [this, proxy] {
        const auto ref = m_selection->current();
        if (!ref || ref->kind != EntityKind::Event)
            return;
        const int row = m_model->rowOf(ref->id);
        if (row < 0)
            return;
        const QModelIndex index = proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid() && m_table->currentIndex().row() != index.row()) {
            QSignalBlocker block(m_table->selectionModel());
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
        }
    });
    m_eventsDock = new QDockWidget(tr("Events"), this);
    m_eventsDock->setObjectName(QStringLiteral("eventsDock"));
    m_eventsDock->setWidget(m_table);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);

    m_details = new DetailsPanel(m_story.get(), m_selection);
    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);

    // Editing: notes across the story, search results, the undo history.
    m_annotations = new AnnotationsPanel(m_story.get(), m_selection);
    m_annotationsDock = new QDockWidget(tr("Notes"), this);
    m_annotationsDock->setObjectName(QStringLiteral("annotationsDock"));
    m_annotationsDock->setWidget(m_annotations);
    addDockWidget(Qt::BottomDockWidgetArea, m_annotationsDock);
    tabifyDockWidget(m_eventsDock, m_annotationsDock);

    m_search = new SearchPanel(m_story.get(), m_selection);
    m_searchDock = new QDockWidget(tr("Search Results"), this);
    m_searchDock->setObjectName(QStringLiteral("searchDock"));
    m_searchDock->setWidget(m_search);
    addDockWidget(Qt::BottomDockWidgetArea, m_searchDock);
    tabifyDockWidget(m_eventsDock, m_searchDock);
    connect(m_search, &SearchPanel::searched, m_searchDock, [this] {
        m_searchDock->show();
        m_searchDock->raise();
    });
    m_eventsDock->raise();

    auto* undoView = new QUndoView(m_story->undoStack());
    undoView->setObjectName(QStringLiteral("undoView"));
    undoView->setEmptyLabel(tr("<opened>"));
    undoView->setAccessibleName(tr("Edit history"));
    m_historyDock = new QDockWidget(tr("Edit History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(undoView);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();

    m_filterBar = new FilterBar(m_story.get(), m_selection);
    m_filterToolBar = new QToolBar(tr("Filters"), this);
    m_filterToolBar->setObjectName(QStringLiteral("filterToolBar"));
    m_filterToolBar->setMovable(false);
    m_filterToolBar->addWidget(m_filterBar);
    addToolBarBreak();
    addToolBar(m_filterToolBar);

    resizeDocks({m_detailsDock}, {400}, Qt::Horizontal);
    resizeDocks({m_eventsDock}, {220}, Qt::Vertical);

    // Undo and redo act on this story's stack; a refused undo says why, once.
    m_undoAct = m_story->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAct->setShortcut(QKeySequence::Undo);
    m_redoAct = m_story->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAct->setShortcut(QKeySequence::Redo);
    const QList<QAction*> editActions = m_editMenu->actions();
    m_editMenu->insertAction(editActions.value(0), m_undoAct);
    m_editMenu->insertAction(editActions.value(0), m_redoAct);
    connect(EditGuard::of(m_story.get()), &EditGuard::failed, this, &MainWindow::showError);
    connect(m_selection, &Selection::currentChanged, this, &MainWindow::updateEditActions);
    updateEditActions();

    m_viewMenu->clear();
    m_viewMenu->addActions(m_timeline->actions());
    if (!m_actorMap->actions().isEmpty()) {
        m_viewMenu->addSeparator();
        m_viewMenu->addActions(m_actorMap->actions());
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_eventsDock->toggleViewAction());
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
    m_viewMenu->addAction(m_annotationsDock->toggleViewAction());
    m_viewMenu->addAction(m_searchDock->toggleViewAction());
    m_viewMenu->addAction(m_historyDock->toggleViewAction());
    m_viewMenu->addAction(m_filterToolBar->toggleViewAction());
    m_scenes = new ScenesController(this, m_viewMenu); // View › Scenes, Present (F5)
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAct = file->addAction(tr("&New Story…"), this, &MainWindow::newStory);
    newAct->setShortcut(QKeySequence::New);
    QAction* openAct = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    openAct->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    QAction* windowAct = file->addAction(tr("New &Window"), this, &MainWindow::newWindow);
    windowAct->setToolTip(tr("Open this story in a second window"));
    file->addSeparator();
    QAction* copyAct = file->addAction(tr("Save a &Copy…"), this, &MainWindow::saveCopy);
    copyAct->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    addInterchangeActions(file, this, [this] { return m_story.get(); });
    installExportActions(this, file); // Export Chart, Copy Chart, Print (ui/export)

    // Edit: Undo and Redo are inserted at the top for each story (they follow its stack).
    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addSeparator();
    QAction* editAct = m_editMenu->addAction(tr("&Edit Entry"), this, [this] {
        if (m_details) {
            m_detailsDock->show();
            m_details->startEdit();
        }
    });
    editAct->setShortcut(Qt::Key_F2);
    QAction* deleteAct = m_editMenu->addAction(tr("&Delete Entry"), this, [this] {
        if (m_details)
            m_details->deleteCurrent();
    });
    deleteAct->setShortcut(QKeySequence::Delete);
    deleteAct->setShortcutContext(Qt::WidgetWithChildrenShortcut); // not while typing elsewhere
    m_statusMenu = m_editMenu->addMenu(tr("&Status"));
    for (int v = 0; v <= int(Verification::Cleared); ++v) {
        const auto status = Verification(v);
        m_statusMenu->addAction(verificationName(status), this,
                                [this, status] { setStatusOfSelection(status); });
    }
    m_editMenu->addSeparator();
    QAction* findAct = m_editMenu->addAction(tr("&Find…"), this, [this] {
        m_searchField->setFocus();
        m_searchField->selectAll();
    });
    findAct->setShortcut(QKeySequence::Find);
    m_editMenu->addAction(tr("Edit &History"), this, [this] {
        if (m_historyDock) {
            m_historyDock->show();
            m_historyDock->raise();
        }
    });
    m_editMenu->addSeparator();
    m_editMenu->addAction(tr("Set Your &Name…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Your Name"), tr("Notes and the change log are signed with:"),
            QLineEdit::Normal, m_story ? m_story->author() : defaultAuthor(), &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        QSettings().setValue(QStringLiteral("author"), name.trimmed());
        if (m_story)
            m_story->setAuthor(name.trimmed());
    });

    m_entryMenu = menuBar()->addMenu(tr("E&ntry"));
    QAction* newEvent = m_entryMenu->addAction(tr("New &Event…"), this, [this] { newEntry(0); });
    newEvent->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction* newActor = m_entryMenu->addAction(tr("New &Actor…"), this, [this] { newEntry(1); });
    newActor->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_entryMenu->addAction(tr("New &Relation…"), this, [this] { newEntry(2); });
    m_entryMenu->addAction(tr("New &Source…"), this, [this] { newEntry(3); });
    m_entryMenu->addSeparator();
    QAction* cite = m_entryMenu->addAction(tr("&Cite a Source…"), this, [this] {
        if (m_details)
            m_details->citeSource();
    });
    QAction* note = m_entryMenu->addAction(tr("Add a &Note…"), this, [this] {
        if (m_details)
            m_details->addNote();
    });
    note->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_storyActions = {editAct, deleteAct, newEvent, newActor, cite, note};
    m_storyActions << m_entryMenu->actions() << m_statusMenu->menuAction();

    // The search field: results come while typing (after a short pause), Enter goes to the
    // first one.
    m_mainToolBar = addToolBar(tr("Search"));
    m_mainToolBar->setObjectName(QStringLiteral("searchToolBar"));
    m_mainToolBar->setMovable(false);
    m_searchField = new QLineEdit;
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_searchField->setPlaceholderText(tr("Search events, actors, sources, notes (Ctrl+F)"));
    m_searchField->setAccessibleName(tr("Search"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->setMaximumWidth(420);
    m_searchField->setMinimumWidth(300);
    m_mainToolBar->addWidget(m_searchField);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchField, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        if (m_search)
            m_search->setQuery(m_searchField->text());
    });
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        if (!m_search)
            return;
        m_searchDelay->stop();
        m_search->setQuery(m_searchField->text());
        m_search->reveal(0);
    });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
}

void MainWindow::updateEditActions()
{
    const bool writable = m_story && !m_story->isReadOnly();
    for (QAction* a : std::as_const(m_storyActions))
        a->setEnabled(writable);
}

void MainWindow::newWindow()
{
    if (!m_story)
        return;
    auto* other = new MainWindow;
    other->setAttribute(Qt::WA_DeleteOnClose);
    if (!other->openStory(m_story->path())) {
        delete other;
        return;
    }
    other->move(pos() + QPoint(40, 40));
    other->show();
}

void MainWindow::newEntry(int kind)
{
    if (!m_story)
        return;
    static const Entity blanks[] = {Event{}, Actor{}, Relation{}, Source{}};
    static const char* const titles[] = {QT_TR_NOOP("New Event"), QT_TR_NOOP("New Actor"),
                                         QT_TR_NOOP("New Relation"), QT_TR_NOOP("New Source")};
    Entity blank = blanks[kind];
    // A new relation starts from the actor in view; a new event from the actor too.
    if (const auto cur = m_selection->current(); cur && cur->kind == EntityKind::Actor) {
        if (auto* r = std::get_if<Relation>(&blank))
            r->sourceId = cur->id;
        if (auto* e = std::get_if<Event>(&blank))
            e->actors << Participation{cur->id, QString()};
    }
    const Id id = runNewEntryDialog(m_story.get(), blank, tr(titles[kind]), this);
    if (!id)
        return;
    static const EntityKind kinds[] = {EntityKind::Event, EntityKind::Actor, EntityKind::Relation,
                                       EntityKind::Source};
    if (kind == 0)
        m_selection->selectEvents({id});
    else if (kind == 1)
        m_selection->selectActors({id});
    m_selection->setCurrent(EntityRef{kinds[kind], id});
}

QList<EntityRef> MainWindow::selectedRefs() const
{
    QList<EntityRef> refs;
    if (m_table && m_table->hasFocus()) {
        for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
            refs << EntityRef{EntityKind::Event, index.data(EventTableModel::IdRole).toLongLong()};
    }
    if (refs.isEmpty()) {
        for (Id id : m_selection->selectedEvents())
            refs << EntityRef{EntityKind::Event, id};
    }
    if (refs.isEmpty() && m_selection->current())
        refs << *m_selection->current();
    return refs;
}

void MainWindow::setStatusOfSelection(Verification status)
{
    if (!m_story)
        return;
    // One step for the whole selection: undo puts every entry back at once.
    EditGuard::push(m_story.get(), makeSetStatus(m_story.get(), selectedRefs(), status));
}

void MainWindow::showTableMenu(const QPoint& pos)
{
    if (!m_story || !m_table->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    const int n = int(m_table->selectionModel()->selectedRows().size());
    QMenu* status = menu.addMenu(n > 1 ? tr("Mark %1 Events As").arg(n) : tr("Mark As"));
    for (int v = 0; v <= int(Verification::Cleared); ++v) {
        const auto s = Verification(v);
        status->addAction(verificationName(s), this, [this, s] {
            QList<EntityRef> refs;
            for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
                refs << EntityRef{EntityKind::Event,
                                  index.data(EventTableModel::IdRole).toLongLong()};
            EditGuard::push(m_story.get(), makeSetStatus(m_story.get(), refs, s));
        });
    }
    menu.addAction(tr("Edit"), this, [this] { m_details->startEdit(); });
    menu.addAction(tr("Add a Note…"), this, [this] { m_details->addNote(); });
    menu.addAction(tr("Cite a Source…"), this, [this] { m_details->citeSource(); });
    menu.addSeparator();
    menu.addAction(tr("Delete"), this, [this] { m_details->deleteCurrent(); });
    for (QAction* a : menu.actions())
        a->setEnabled(!m_story->isReadOnly());
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::newStory()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Story"), QDir::homePath(),
                                                tr("Chronomap stories (*.chronomap)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".chronomap")))
        path += QLatin1String(".chronomap");
    const auto answer = QMessageBox::question(
        this, tr("New Story"), tr("Start from the sample story (the 28-point peace framework)?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    try {
        Story::create(path, answer != QMessageBox::Yes);
    } catch (const StoreError& e) {
        showError(e.message());
        return;
    }
    openStory(path);
}

void MainWindow::openDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Story"), QDir::homePath(),
                                     tr("Chronomap stories (*.chronomap);;All files (*)"));
    if (!path.isEmpty())
        openStory(path);
}

void MainWindow::saveCopy()
{
    if (!m_story)
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save a Copy"), QDir::homePath(),
                                                tr("Chronomap stories (*.chronomap)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".chronomap")))
        path += QLatin1String(".chronomap");
    try {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            throw StoreError(tr("%1: cannot replace the existing file").arg(path));
        m_story->store().saveCopy(path);
        statusBar()->showMessage(tr("Saved a copy to %1").arg(path), 5000);
    } catch (const StoreError& e) {
        showError(e.message());
    }
}

void MainWindow::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : recent) {
        QAction* a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openStory(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showError(const QString& message)
{
    if (QGuiApplication::platformName() == QLatin1String("offscreen")) {
        qWarning("%s", qPrintable(message));
        statusBar()->showMessage(message);
        return;
    }
    QMessageBox::warning(this, tr("Chronomap"), message);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl& url : urls)
        if (url.isLocalFile() && (isImportableFile(url.toLocalFile()) ||
                                  url.toLocalFile().endsWith(QLatin1String(".chronomap")))) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList imports;
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".chronomap")))
            openStory(path); // a story is opened, not merged
        else if (isImportableFile(path))
            imports << path;
    }
    if (!imports.isEmpty() && m_story)
        importFiles(this, m_story.get(), imports);
    event->acceptProposedAction();
}

void MainWindow::pollOutsideChanges()
{
    if (!m_story)
        return;
    try {
        if (m_story->changedOutside())
            m_story->reload();
    } catch (const StoreError& e) {
        statusBar()->showMessage(e.message(), 5000);
    }
}

} // namespace chronomap
