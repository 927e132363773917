#include "mainwindow.h"

#include "actormap/actormapview.h"
#include "events/eventtablemodel.h"
#include "inspector/detailspanel.h"
#include "timeline/timelineview.h"
#include "query/selection.h"
#include "story/story.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

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
        story = Story::open(path, Store::Mode::ReadWrite);
    } catch (const StoreError& e) {
        showError(e.message());
        return false;
    }
    clearViews();
    m_story = std::move(story);
    QSettings settings;
    const QString author = settings.value(QStringLiteral("author")).toString();
    if (!author.isEmpty())
        m_story->setAuthor(author);
    buildViews();
    addRecent(QFileInfo(path).absoluteFilePath());
    setWindowTitle(tr("%1 — Chronomap%2")
                       .arg(m_story->title(),
                            m_story->isReadOnly() ? tr(" (read-only)") : QString()));
    setWindowFilePath(path);
    const StoryCounts c = m_story->store().counts();
    m_status->setText(tr("%L1 events · %L2 actors · %L3 relations")
                          .arg(c.events)
                          .arg(c.actors)
                          .arg(c.relations));
    return true;
}

void MainWindow::clearViews()
{
    // Views hold pointers to the story and the selection: they go first.
    delete m_eventsDock;
    m_eventsDock = nullptr;
    m_table = nullptr;
    delete m_detailsDock;
    m_detailsDock = nullptr;
    m_details = nullptr;
    delete takeCentralWidget();
    m_timeline = nullptr;
    m_actorMap = nullptr;
    delete m_model;
    m_model = nullptr;
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
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    setCentralWidget(charts);

    // The events table: the accessible alternative to the timeline.
    m_model = new EventTableModel(m_story.get(), this);
    auto* proxy = new QSortFilterProxyModel(m_model);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(EventTableModel::SortKeyRole);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setAccessibleName(tr("Events"));
    m_table->setModel(proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
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
    resizeDocks({m_detailsDock}, {380}, Qt::Horizontal);
    resizeDocks({m_eventsDock}, {220}, Qt::Vertical);

    m_viewMenu->clear();
    m_viewMenu->addActions(m_timeline->actions());
    if (!m_actorMap->actions().isEmpty()) {
        m_viewMenu->addSeparator();
        m_viewMenu->addActions(m_actorMap->actions());
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_eventsDock->toggleViewAction());
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
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
    file->addSeparator();
    QAction* copyAct = file->addAction(tr("Save a &Copy…"), this, &MainWindow::saveCopy);
    copyAct->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
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
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Story"), QDir::homePath(),
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
