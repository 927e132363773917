#include "mainwindow.h"
#include "readonlybanner.h"

#include "actormap/actormapview.h"
#include "annotations/annotationspanel.h"
#include "edit/edits.h"
#include "events/eventtablemodel.h"
#include "events/storycounts.h"
#include "export/exportactions.h"
#include "help/shortcutsheet.h"
#include "i18n/labels.h"
#include "inspector/citedialog.h"
#include "inspector/detailspanel.h"
#include "interchange/interchangeactions.h"
#include "present/scenescontroller.h"
#include "query/selection.h"
#include "search/filterbar.h"
#include "search/searchpanel.h"
#include "settings/preferences.h"
#include "settings/preferencesdialog.h"
#include "shared/opensharedialog.h"
#include "shared/sharedsession.h"
#include "story/story.h"
#include "text/storytext.h"
#include "theme/focusring.h"
#include "theme/windowtheme.h"
#include "timeline/timelinechart.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

#include <qcustomplot.h>

namespace chronomap {

namespace {
// Sorting by any column but the date reads every row from the file: keep it for stories a
// table can sort quickly.
constexpr qint64 kSortableRows = 200000;
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Chronomap"));
    setAcceptDrops(true);
    // Never larger than the screen (a 1280×720 laptop shows the whole window, not a corner).
    QSize initial(1400, 900);
    if (const QScreen* s = screen())
        initial = initial.boundedTo(s->availableGeometry().size());
    resize(initial);
    m_status = plainLabel(new QLabel(this));
    statusBar()->addPermanentWidget(m_status);
    buildMenus();
    buildHelpAndFocus();
    qApp->installEventFilter(this);
    // The theme is the application's: the first window sets it from the preferences.
    static bool themed = false;
    if (!themed) {
        themed = true;
        WindowTheme::apply(Preferences::theme());
    }
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
    // Where the window and its docks were last time (after the docks exist); the first time,
    // the whole screen, maximised: two charts, the details and the table all need room, and a
    // timeline short of it hides titles. (Without a window manager to maximise it, the
    // window still covers the available screen.)
    if (!Preferences::restoreWindow(*this)) {
        if (const QScreen* screen = this->screen())
            setGeometry(screen->availableGeometry());
        setWindowState(windowState() | Qt::WindowMaximized);
    }
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
    connect(
        story.get(), &Story::integrityChecked, this,
        [this, path](const QString& problem) {
            if (problem.isEmpty() || !m_story || m_story->path() != path)
                return;
            // A damaged story stays on screen, read-only, so nothing more is written into it.
            showError(problem);
            try {
                auto readOnly = Story::open(path, Store::Mode::ReadOnly, Store::Check::Deferred);
                clearViews();
                m_story = std::move(readOnly);
                buildViews();
                showReadOnlyBanner(*this, readOnlyReasonText(ReadOnlyReason::Damaged, path));
                setWindowTitle(tr("%1 — Chronomap (read-only: damaged)").arg(m_story->title()));
            } catch (const StoreError& e) {
                showError(e.message());
            }
        },
        Qt::QueuedConnection); // queued: the slot replaces the story that emits the signal
    story->startIntegrityCheck();
    // The docks are made anew for each story: they keep the places the user gave them, and
    // their sizes (the restored state alone gave a new dock the charts' room).
    const QByteArray layout = m_story ? saveState(Preferences::kLayoutVersion) : QByteArray();
    QHash<QString, QSize> dockSizes;
    for (QDockWidget* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        if (!dock->isHidden() && !dock->isFloating() && rect().contains(dock->geometry()))
            dockSizes.insert(dock->objectName(), dock->size());
    clearViews();
    m_story = std::move(story);
    m_story->setAuthor(Preferences::author());
    buildViews();
    // Why editing is off, when the story could not be opened for writing.
    if (m_story->store().readOnlyReason() != ReadOnlyReason::Requested)
        showReadOnlyBanner(*this, readOnlyReasonText(m_story->store().readOnlyReason(), path));
    m_timeline->setLaneMode(Preferences::laneMode());
    if (!layout.isEmpty()) {
        restoreState(layout, Preferences::kLayoutVersion);
        m_docksRestoring = true;
        // A window on screen restores the state of docks made anew with the wrong sizes
        // (the details took the charts' width): once laid out, each gets its size back.
        QMetaObject::invokeMethod(
            this,
            [this, dockSizes] {
                for (QDockWidget* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly)) {
                    const auto it = dockSizes.constFind(dock->objectName());
                    if (it == dockSizes.cend() || dock->isHidden() || dock->isFloating())
                        continue;
                    const Qt::DockWidgetArea area = dockWidgetArea(dock);
                    if (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea)
                        resizeDocks({dock}, {it->width()}, Qt::Horizontal);
                    else
                        resizeDocks({dock}, {it->height()}, Qt::Vertical);
                }
                // Those sizes take effect when the window next lays itself out.
                QMetaObject::invokeMethod(
                    this, [this] { m_docksRestoring = false; }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    } else {
        // A new window: the Details dock waits for something to show (the timeline has its
        // width, where the dock would only say "Pick an event"); the first pick opens it.
        m_detailsDock->hide();
    }
    // A shared story is remembered by its address without any password.
    const QString shown = Store::isUrl(path) ? m_story->path() : QFileInfo(path).absoluteFilePath();
    addRecent(shown);
    SharedSession::install(*this, m_story.get()); // live edits, offline, roles (ui/shared)
    setWindowTitle(
        tr("%1 — Chronomap%2")
            .arg(m_story->title(), m_story->isReadOnly() ? tr(" (read-only)") : QString()));
    setWindowFilePath(shown);
    updateCounts();
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
    charts->setStretchFactor(0, 1);
    charts->setStretchFactor(1, 1);
    charts->setSizes({500, 500});
    setCentralWidget(charts);
    // The timeline takes the height its lanes need to show every event with its title, the
    // map what is left (at least a quarter; a story without actors gives the timeline the
    // whole height, the map folded away under the handle). Until the user drags the splitter:
    // then it stays where they put it.
    const bool noActors = m_story->store().counts().actors == 0;
    connect(charts, &QSplitter::splitterMoved, charts,
            [charts] { charts->setProperty("userSized", true); });
    connect(m_timeline->plot(), &QCustomPlot::afterReplot, charts, [this, charts, noActors] {
        QMetaObject::invokeMethod(this, &MainWindow::fitBottomDocks, Qt::QueuedConnection);
        const int total = charts->height() - charts->handleWidth();
        if (charts->property("userSized").toBool() || total <= 0 || !m_timeline)
            return;
        const int mapMin = noActors ? 0 : total / 4;
        const int want = noActors ? total : m_timeline->chart()->wantedHeight();
        const int timeline = std::clamp(std::max(want, total / 2), 1, total - mapMin);
        const QList<int> sizes = charts->sizes();
        // Queued: the plot is still drawing, and a resize now would be lost.
        if (sizes.size() == 2 && std::abs(sizes[0] - timeline) > 4)
            QMetaObject::invokeMethod(
                charts,
                [charts, timeline, total] {
                    charts->setSizes({timeline, total - timeline});
                },
                Qt::QueuedConnection);
    });

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
    // Tab leaves the table (arrows move between rows) instead of walking all its cells.
    m_table->setTabKeyNavigation(false);
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
    // A row the user picks (click, arrows) becomes the selection; Tab into the table only
    // focuses it (Qt makes a row current on focus without selecting it).
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, proxy] {
                const QModelIndex current = m_table->selectionModel()->currentIndex();
                if (!m_table->selectionModel()->isRowSelected(current.row(), current.parent()))
                    return;
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
    // Picking an event or actor shows its details, unless the user closed the dock in this
    // window (its close button, or View › Details).
    connect(m_detailsDock->toggleViewAction(), &QAction::triggered, this,
            [this](bool on) { m_detailsClosed = !on; });
    connect(m_selection, &Selection::currentChanged, m_detailsDock, [this] {
        if (m_detailsDock->isHidden() && !m_detailsClosed && m_selection->current())
            m_detailsDock->show();
    });

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
    // Tabbed together, the three are as short as the tallest minimum of theirs allows: each
    // may go down to a table's header and two rows (see fitBottomDocks()).
    const int twoRows = m_table->horizontalHeader()->sizeHint().height() +
                        2 * m_table->verticalHeader()->defaultSectionSize() + 4;
    for (QDockWidget* dock : {m_eventsDock, m_annotationsDock, m_searchDock})
        dock->widget()->setMinimumHeight(twoRows);

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
    updateToolBarRows();

    // The charts keep most of a small screen: the side and bottom panes take a share.
    resizeDocks({m_detailsDock}, {std::clamp(width() / 4, 260, 360)}, Qt::Horizontal);
    resizeDocks({m_eventsDock}, {firstBottomHeight()}, Qt::Vertical);

    // Undo and redo act on this story's stack; a refused undo says why, once.
    m_undoAct = m_story->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAct->setShortcut(QKeySequence::Undo);
    m_undoAct->setObjectName(QStringLiteral("undoAction"));
    m_redoAct = m_story->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAct->setObjectName(QStringLiteral("redoAction"));
    // The guide's Ctrl+Shift+Z works everywhere, besides the desktop's own redo key (Ctrl+Y
    // where that is the custom).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z); !redoKeys.contains(shiftZ))
        redoKeys.prepend(shiftZ);
    m_redoAct->setShortcuts(redoKeys);
    // The undo texts name entries: their tooltips show them as text (text/storytext.h).
    QUndoStack* stack = m_story->undoStack();
    auto plainTips = [this, stack] {
        m_undoAct->setToolTip(plainToolTip(tr("Undo %1").arg(stack->undoText()).trimmed()));
        m_redoAct->setToolTip(plainToolTip(tr("Redo %1").arg(stack->redoText()).trimmed()));
    };
    plainTips();
    connect(stack, &QUndoStack::indexChanged, m_undoAct, plainTips);
    const QList<QAction*> editActions = m_editMenu->actions();
    m_editMenu->insertAction(editActions.value(0), m_undoAct);
    m_editMenu->insertAction(editActions.value(0), m_redoAct);
    connect(EditGuard::of(m_story.get()), &EditGuard::failed, this, &MainWindow::showError);
    connect(m_selection, &Selection::currentChanged, this, &MainWindow::updateEditActions);
    updateEditActions();
    // The counts follow every edit and every filter.
    connect(m_story.get(), &Story::changed, this, &MainWindow::updateCounts);
    connect(m_selection, &Selection::filterChanged, this, &MainWindow::updateCounts);

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
    m_viewMenu->addSeparator();
    m_viewMenu->addActions(m_focusActions);
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_themeMenu);
    m_scenes = new ScenesController(this, m_viewMenu); // View › Scenes, Present (F5)

    // Names and descriptions for screen readers; the events table is the way to the events
    // without the chart.
    m_timeline->setAccessibleName(tr("Timeline"));
    m_timeline->setAccessibleDescription(
        tr("Chart of the story's events on a date axis. The events table (Ctrl+3) lists the "
           "same events as text."));
    m_actorMap->setAccessibleName(tr("Actor map"));
    m_actorMap->setAccessibleDescription(
        tr("Graph of the story's actors and their relations. Select an actor in the details "
           "panel or the search results to reach it by keyboard."));
    m_table->setAccessibleDescription(
        tr("Every event of the story, one per row: date, title, category and status. The same "
           "events the timeline draws, with the same filters."));
    m_details->setAccessibleName(tr("Details"));
    m_annotations->setAccessibleName(tr("Notes"));
    m_search->setAccessibleName(tr("Search results"));
    m_filterBar->setAccessibleName(tr("Filters"));
    // Tab stops on the chart inside each view: it speaks with the view's name.
    // Each chart shows a ring while it has the keyboard, as every other control does.
    for (QWidget* view : {static_cast<QWidget*>(m_timeline), static_cast<QWidget*>(m_actorMap)})
        for (QWidget* w : view->findChildren<QWidget*>())
            if (w->focusPolicy() & Qt::TabFocus) {
                if (w->accessibleName().isEmpty()) {
                    w->setAccessibleName(view->accessibleName());
                    w->setAccessibleDescription(view->accessibleDescription());
                }
                if (qobject_cast<QCustomPlot*>(w))
                    FocusRing::attach(w);
            }
    // Delete acts where entries are picked, not while typing in a field.
    // Delete and F2 act where entries are picked, not while typing in a field or in the
    // Scenes panel (whose F2 renames a scene).
    for (QWidget* w : {static_cast<QWidget*>(m_table), centralWidget()}) // the table, both charts
        w->addActions({m_deleteAct, m_editEntryAct});
    m_details->addAction(m_editEntryAct);
    updateChartTheme();
}

QString MainWindow::countsShown() const
{
    return m_status->text();
}

void MainWindow::updateCounts()
{
    if (!m_story || !m_selection)
        return;
    m_status->setText(storyCountsText(*m_story, m_selection->filter()));
}

QList<QWidget*> MainWindow::tabChain() const
{
    // Tab walks the window as it reads: the search field, the filters, the two charts, then the
    // docks (events table, details, notes, search results, history, others), each part's
    // controls in turn. Qt's own chain follows creation order instead, which put the filter
    // chips (made later) after everything and skipped the details; the order is worked out
    // at each Tab, so chips that come and go and docks the user moved stay in it.
    QList<QWidget*> parts = {m_mainToolBar, m_filterToolBar, m_timeline, m_actorMap};
    const QList<QDockWidget*> known = {m_eventsDock, m_detailsDock, m_annotationsDock, m_searchDock,
                                       m_historyDock};
    for (QDockWidget* dock : known)
        parts << dock;
    for (QDockWidget* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        if (!known.contains(dock))
            parts << dock;

    QList<QWidget*> focusable; // the window's tab-focusable widgets in Qt's chain order
    for (QWidget* w = nextInFocusChain(); w && w != this; w = w->nextInFocusChain())
        if ((w->focusPolicy() & Qt::TabFocus) && !w->focusProxy() && w->isVisible() &&
            w->isEnabled() && w->window() == this)
            focusable << w;
    QList<QWidget*> chain;
    for (QWidget* part : std::as_const(parts)) {
        if (!part || !part->isVisible() || part->window() != this)
            continue; // hidden, or floating in a window of its own
        QList<QWidget*> inPart;
        for (QWidget* w : std::as_const(focusable))
            if (part == w || part->isAncestorOf(w))
                inPart << w;
        // The tool bars are one row: left to right.
        if (qobject_cast<QToolBar*>(part))
            std::stable_sort(inPart.begin(), inPart.end(), [](QWidget* a, QWidget* b) {
                return a->mapTo(a->window(), QPoint()).x() < b->mapTo(b->window(), QPoint()).x();
            });
        chain << inPart;
    }
    return chain;
}

bool MainWindow::focusNextPrevChild(bool next)
{
    const QList<QWidget*> chain = tabChain();
    QWidget* focus = QApplication::focusWidget();
    const qsizetype n = chain.size();
    qsizetype at = chain.indexOf(focus);
    if (at < 0 && focus) {
        // View › Go to focuses a chart as a whole: Tab goes on to its first control, Shift+Tab
        // back to what comes before it.
        const auto inside = std::find_if(chain.begin(), chain.end(),
                                         [focus](QWidget* w) { return focus->isAncestorOf(w); });
        if (inside != chain.end())
            at = (inside - chain.begin() + n - (next ? 1 : 0)) % n;
    }
    if (at < 0) // focus somewhere the chain does not cover: Qt's order
        return QMainWindow::focusNextPrevChild(next);
    QWidget* target = chain.at((at + (next ? 1 : n - 1)) % n);
    target->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    return true;
}

void MainWindow::buildHelpAndFocus()
{
    // View › Go to: the keyboard's way into each part of the window.
    auto focusAction = [this](const QString& text, QKeySequence key, auto target) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, target] {
            QWidget* w = target();
            if (!w)
                return;
            for (QWidget* p = w; p; p = p->parentWidget())
                if (auto* dock = qobject_cast<QDockWidget*>(p)) {
                    dock->show();
                    dock->raise();
                }
            w->setFocus(Qt::ShortcutFocusReason);
        });
        addAction(a);
        m_focusActions << a;
        return a;
    };
    focusAction(tr("Go to &Timeline"), QKeySequence(Qt::CTRL | Qt::Key_1),
                [this]() -> QWidget* { return m_timeline; });
    focusAction(tr("Go to Actor &Map"), QKeySequence(Qt::CTRL | Qt::Key_2),
                [this]() -> QWidget* { return m_actorMap; });
    QAction* toTable = focusAction(tr("Go to Events &Table"), QKeySequence(Qt::CTRL | Qt::Key_3),
                                   [this]() -> QWidget* { return m_table; });
    toTable->setToolTip(tr("The events as a table: the keyboard and screen-reader way through "
                           "the timeline"));
    focusAction(tr("Go to &Details"), QKeySequence(Qt::CTRL | Qt::Key_4),
                [this]() -> QWidget* { return m_details; });

    // View › Theme overrides the preference (and saves it).
    m_themeMenu = new QMenu(tr("T&heme"), this);
    m_themeGroup = new QActionGroup(this);
    for (const QString& name : Preferences::themeNames()) {
        QAction* a = m_themeMenu->addAction(WindowTheme::displayName(name));
        a->setCheckable(true);
        a->setData(name);
        a->setChecked(name == Preferences::theme());
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, name] {
            Preferences::setTheme(name);
            applyTheme();
        });
    }
    m_viewMenu->addActions(m_focusActions);
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_themeMenu);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Chronomap"), this, [this] {
        QMessageBox::about(
            this, tr("About Chronomap"),
            tr("<p><b>Chronomap %1</b></p><p>Timelines and actor maps for newsrooms.</p>"
               "<p>GPL-3.0-or-later.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

ChartTheme MainWindow::chartTheme() const
{
    // The application's palette: a window's own copy catches up with it only when shown.
    return WindowTheme::chartTheme(Preferences::theme(), QGuiApplication::palette());
}

void MainWindow::applyTheme()
{
    const QString name = Preferences::theme();
    WindowTheme::apply(name);
    for (QAction* a : m_themeGroup->actions())
        a->setChecked(a->data().toString() == name);
    updateChartTheme();
}

void MainWindow::updateChartTheme()
{
    const ChartTheme theme = chartTheme();
    applyChartTheme(m_timeline, theme);
    applyChartTheme(m_actorMap, theme);
    emit chartThemeChanged(theme);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // The desktop switched between light and dark ("Follow the system"); the application
    // hears of it even while this window is hidden.
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        updateChartTheme();
    if (watched == m_detailsDock && m_detailsDock && event->type() == QEvent::Close)
        m_detailsClosed = true; // its close button: picks no longer open it
    if (watched == m_filterBar && m_filterBar && event->type() == QEvent::LayoutRequest)
        QMetaObject::invokeMethod(this, &MainWindow::updateToolBarRows, Qt::QueuedConnection);

    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent* event)
{
    // "Follow the system": the desktop switched between light and dark.
    if (event->type() == QEvent::PaletteChange)
        updateChartTheme();
    QMainWindow::changeEvent(event);
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    updateToolBarRows();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    Preferences::saveWindow(*this);
    QMainWindow::closeEvent(event);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_story)
        m_story->setAuthor(Preferences::author());
    if (m_timeline)
        m_timeline->setLaneMode(Preferences::laneMode());
    applyTheme();
    updateRecentMenu();
}

void MainWindow::showShortcuts()
{
    ShortcutSheet sheet(this, this);
    sheet.exec();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAct = file->addAction(tr("&New Story…"), this, &MainWindow::newStory);
    newAct->setShortcut(QKeySequence::New);
    QAction* openAct = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    openAct->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    // Another window may have opened a story since: the list is read each time.
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    QAction* windowAct = file->addAction(tr("New &Window"), this, &MainWindow::newWindow);
    windowAct->setToolTip(tr("Open this story in a second window"));
    file->addSeparator();
    QAction* copyAct = file->addAction(tr("Save a &Copy…"), this, &MainWindow::saveCopy);
    // The desktop's Save As key; without a desktop (no KDE or GNOME key theme) Qt has none,
    // so the common Ctrl+Shift+S stands in.
    copyAct->setShortcuts(QKeySequence::keyBindings(QKeySequence::SaveAs).isEmpty()
                              ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}
                              : QKeySequence::keyBindings(QKeySequence::SaveAs));
    // Installers find their places by these ids (objectName), never by the menus' words.
    file->setObjectName(QStringLiteral("fileMenu"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    newAct->setObjectName(QStringLiteral("newStoryAction"));
    openAct->setObjectName(QStringLiteral("openAction"));
    windowAct->setObjectName(QStringLiteral("newWindowAction"));
    copyAct->setObjectName(QStringLiteral("saveCopyAction"));
    installSharedActions(this, file); // File › Open Shared Story (ui/shared)
    file->addSeparator()->setObjectName(QStringLiteral("quitSeparator"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    addInterchangeActions(
        file, this, [this] { return m_story.get(); },
        [this] { return m_selection ? m_selection->filter() : FilterSpec{}; });
    installExportActions(this, file); // Export Chart, Copy Chart, Print (ui/export)

    // Edit: Undo and Redo are inserted at the top for each story (they follow its stack).
    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addSeparator();
    QAction* editAct = m_editMenu->addAction(tr("&Edit Entry"), this, [this] {
        if (m_details) {
            m_detailsDock->show();
            m_details->startEdit();
        }
    });
    editAct->setShortcut(Qt::Key_F2);
    // F2 edits where entries are picked; elsewhere (the Scenes panel) it renames.
    editAct->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editEntryAct = editAct;
    QAction* deleteAct = m_deleteAct = m_editMenu->addAction(tr("&Delete Entry"), this, [this] {
        if (m_details)
            m_details->deleteCurrent();
    });
    deleteAct->setShortcut(QKeySequence::Delete);
    deleteAct->setObjectName(QStringLiteral("deleteEntryAction"));
    editAct->setObjectName(QStringLiteral("editEntryAction"));
    deleteAct->setShortcutContext(Qt::WidgetWithChildrenShortcut); // not while typing elsewhere
    m_statusMenu = m_editMenu->addMenu(tr("&Status"));
    for (int v = 0; v <= int(Verification::Cleared); ++v) {
        const auto status = Verification(v);
        m_statusMenu
            ->addAction(statusLabel(status), this, [this, status] { setStatusOfSelection(status); })
            ->setObjectName(QStringLiteral("statusAction%1").arg(v));
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
    QAction* prefs = m_editMenu->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    prefs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    prefs->setMenuRole(QAction::PreferencesRole);

    m_entryMenu = menuBar()->addMenu(tr("E&ntry"));
    m_entryMenu->setObjectName(QStringLiteral("entryMenu"));
    QAction* newEvent = m_entryMenu->addAction(tr("New &Event…"), this, [this] { newEntry(0); });
    newEvent->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction* newActor = m_entryMenu->addAction(tr("New &Actor…"), this, [this] { newEntry(1); });
    newActor->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QAction* newRelation =
        m_entryMenu->addAction(tr("New &Relation…"), this, [this] { newEntry(2); });
    QAction* newSource = m_entryMenu->addAction(tr("New &Source…"), this, [this] { newEntry(3); });
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
    // Ids: a shared story's session greys each by these (ui/shared).
    newEvent->setObjectName(QStringLiteral("newEventAction"));
    newActor->setObjectName(QStringLiteral("newActorAction"));
    newRelation->setObjectName(QStringLiteral("newRelationAction"));
    newSource->setObjectName(QStringLiteral("newSourceAction"));
    cite->setObjectName(QStringLiteral("citeAction"));
    note->setObjectName(QStringLiteral("noteAction"));
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
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
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
        QAction* set = status->addAction(statusLabel(s), this, [this, s] {
            QList<EntityRef> refs;
            for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
                refs << EntityRef{EntityKind::Event,
                                  index.data(EventTableModel::IdRole).toLongLong()};
            EditGuard::push(m_story.get(), makeSetStatus(m_story.get(), refs, s));
        });
        set->setObjectName(QStringLiteral("statusAction%1").arg(v));
        set->setEnabled(!m_story->isReadOnly());
    }
    // The same ids as the menus' actions: a shared story's role and connection narrow them.
    menu.addAction(tr("Edit"), this, [this] { m_details->startEdit(); })
        ->setObjectName(QStringLiteral("editEntryAction"));
    menu.addAction(tr("Add a Note…"), this, [this] { m_details->addNote(); })
        ->setObjectName(QStringLiteral("noteAction"));
    menu.addAction(tr("Cite a Source…"), this, [this] { m_details->citeSource(); })
        ->setObjectName(QStringLiteral("citeAction"));
    menu.addSeparator();
    menu.addAction(tr("Delete"), this, [this] { m_details->deleteCurrent(); })
        ->setObjectName(QStringLiteral("deleteEntryAction"));
    for (QAction* a : menu.actions())
        a->setEnabled(!m_story->isReadOnly());
    if (SharedSession* session = SharedSession::of(m_story.get()))
        session->applyRole();
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::pollOutsideChanges()
{
    if (!m_story)
        return;
    try {
        m_story->followOutside(); // a shared story: just the entries others changed
    } catch (const StoreError& e) {
        statusBar()->showMessage(e.message(), 5000);
    }
}

} // namespace chronomap
