#include "scenescontroller.h"

#include "actormap/actormapview.h"
#include "edit/sceneedits.h"
#include "mainwindow.h"
#include "present/presentwindow.h"
#include "present/scenedeck.h"
#include "present/scenespanel.h"
#include "present/scenestate.h"
#include "story/story.h"
#include "text/storytext.h"
#include "theme/charttheme.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>

namespace chronomap {

namespace {

// The charts' look, from the timeline if it can say (the chart themes are threaded through
// the views by the export work), else from the window's palette.
template <class View> ChartTheme themeOf(const View* view, const QWidget* window)
{
    if constexpr (requires { view->theme(); })
        return view->theme();
    else
        return ChartTheme::fromPalette(window->palette());
}

} // namespace

ScenesController::ScenesController(MainWindow* window, QMenu* viewMenu)
    : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("scenesController"));
    Story* story = window->story();
    m_panel = new ScenesPanel(story, [this] { return currentView().toJsonText(); });
    m_dock = new QDockWidget(tr("Scenes"), window);
    m_dock->setObjectName(QStringLiteral("scenesDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();

    m_presentAct = new QAction(tr("&Present"), window);
    m_presentAct->setObjectName(QStringLiteral("presentAction"));
    m_presentAct->setShortcut(QKeySequence(Qt::Key_F5));
    m_presentAct->setToolTip(tr("Play the story's scenes full screen (Esc leaves)"));
    connect(m_presentAct, &QAction::triggered, this, [this] { present(); });
    if (viewMenu) {
        m_separator = viewMenu->addSeparator();
        viewMenu->addAction(m_dock->toggleViewAction());
        viewMenu->addAction(m_presentAct);
    } else {
        window->addAction(m_presentAct);
    }

    connect(m_panel, &ScenesPanel::sceneActivated, this, &ScenesController::showScene);
    connect(m_panel, &ScenesPanel::presentRequested, this, [this] { present(); });
    connect(m_panel, &ScenesPanel::exportRequested, this, &ScenesController::exportScenes);
}

ScenesController::~ScenesController()
{
    // The presentation and the panel hold the story: they go before it does.
    if (m_present)
        delete m_present.data();
    delete m_presentAct;
    delete m_separator.data();
    delete m_dock;
}

ChartTheme ScenesController::theme() const
{
    return themeOf(m_window->timeline(), m_window);
}

SceneState ScenesController::currentView() const
{
    return captureScene(*m_window->selection(), m_window->timeline(), m_window->actorMap());
}

void ScenesController::showScene(Id id)
{
    for (const Scene& s : orderedScenes(m_window->story()->store())) {
        if (s.id != id)
            continue;
        QStringList skipped;
        const SceneState state = SceneState::fromJsonText(s.state, &skipped);
        applyScene(state, *m_window->selection(), m_window->timeline());
        if (!skipped.isEmpty())
            m_window->statusBar()->showMessage(
                tr("Scene “%1” was shown without what could not be read: %2")
                    .arg(s.name, skipped.join(QStringLiteral("; "))),
                15000);
    }
}

PresentWindow* ScenesController::present(bool fullScreen)
{
    if (m_present)
        m_present->close();
    auto* w = new PresentWindow(m_window->story(), currentView(), theme());
    m_present = w;
    if (!w->problems().isEmpty())
        m_window->statusBar()->showMessage(tr("Presenting without what could not be read: %1")
                                               .arg(w->problems().join(QStringLiteral("; "))),
                                           15000);
    if (fullScreen) {
        // The screen the window is on, also where no window manager honours full screen.
        if (const QScreen* screen = m_window->screen())
            w->setGeometry(screen->geometry());
        w->showFullScreen();
    } else
        w->show();
    w->activateWindow();
    w->setFocus();
    return w;
}

void ScenesController::exportScenes()
{
    Story* story = m_window->story();
    const QString base = QFileInfo(story->path()).completeBaseName();
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Scenes"),
        QFileInfo(story->path()).dir().filePath(base + QStringLiteral("-scenes.pdf")),
        tr("PDF deck, one page per scene (*.pdf);;Numbered PNG images (*.png)"), &selected);
    if (path.isEmpty())
        return;
    ExportRequest request;
    request.theme = theme().name;
    // Slides show every entry; what is not cleared is marked, and the footer says so.
    request.publishSafe = ExportRequest::PublishSafe::Mark;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        QString done;
        if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0) {
            request.output = path;
            const int pages = exportSceneDeck(*story, request);
            done = tr("Exported %1 scenes to %2").arg(pages).arg(path);
        } else {
            // The images go next to the name given, numbered in playing order.
            const QString folder = QFileInfo(path).absolutePath();
            const QStringList files = exportSceneImages(*story, request, folder);
            done = tr("Exported %1 scene images to %2 (%3 …)")
                       .arg(files.size())
                       .arg(folder, QFileInfo(files.value(0)).fileName());
        }
        QApplication::restoreOverrideCursor();
        m_window->statusBar()->showMessage(done, 10000);
    } catch (const StoreError& e) {
        QApplication::restoreOverrideCursor();
        warnPlain(m_window, tr("Export Scenes"), e.message());
    }
}

} // namespace chronomap
