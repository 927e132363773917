// MainWindow's sharing of the window's space: the tool bars' rows, and the height the docks
// under the charts give the timeline (split from mainwindow.cpp along that seam).
#include "mainwindow.h"

#include "settings/preferences.h"
#include "timeline/timelinechart.h"
#include "timeline/timelineview.h"

#include <QDockWidget>
#include <QEvent>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>

#include <qcustomplot.h>

namespace chronomap {

void MainWindow::updateToolBarRows()
{
    // The search field and the filters share one row where both fit whole (the timeline gets
    // that row's height); else the filters take a row of their own, never folded away.
    if (!m_mainToolBar || !m_filterToolBar)
        return;
    const bool oneRow =
        m_mainToolBar->sizeHint().width() + m_filterToolBar->sizeHint().width() + 24 <= width();
    if (oneRow != toolBarBreak(m_filterToolBar))
        return;
    if (oneRow)
        removeToolBarBreak(m_filterToolBar);
    else
        insertToolBarBreak(m_filterToolBar);
}

QDockWidget* MainWindow::bottomDock() const
{
    // The docks under the charts are tabbed together: the one shown is their height.
    for (QDockWidget* dock : {m_eventsDock, m_annotationsDock, m_searchDock})
        if (dock && dock->isVisible() && !dock->isFloating() &&
            dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
            return dock;
    return nullptr;
}

int MainWindow::firstBottomHeight() const
{
    return std::clamp(height() / 5, 120, 200);
}

void MainWindow::fitBottomDocks()
{
    // The docks under the charts (events, notes, search results) give the timeline the height
    // it needs to show every event with its title, down to a table header and a few rows.
    // They only give: a height that came and went with each zoom step would make the table
    // jump while the user zooms. Once the user has dragged their edge, that height stays.
    QDockWidget* dock = bottomDock();
    if (!m_timeline || !dock || Preferences::bottomDocksSized())
        return;
    const int needed = m_timeline->chart()->neededHeight();
    auto* charts = qobject_cast<QSplitter*>(centralWidget());
    // Docks restored from a saved layout get their sizes back once laid out (openStory()).
    if (needed <= 0 || !charts || charts->count() < 2 || m_docksRestoring)
        return;
    // The timeline's height at most, beside a map that keeps a quarter (or none, folded).
    const int total = charts->height() - charts->handleWidth();
    const bool mapFolded = charts->sizes().value(1) == 0;
    const int most = mapFolded ? total : total - total / 4;
    const int around = m_timeline->height() - m_timeline->plot()->height();
    const int short_ = needed + around - most;
    if (short_ <= 2)
        return;
    const int title = dock->height() - dock->widget()->height();
    const int least = title + dock->widget()->minimumHeight();
    const int give = mapFolded ? short_ : short_ * 4 / 3 + 1;
    const int height = std::max(least, dock->height() - give);
    if (height < dock->height() - 2)
        resizeDocks({dock}, {height}, Qt::Vertical);
}

bool MainWindow::event(QEvent* event)
{
    // A drag on the window's own area (between its docks and the charts) that changed the
    // height of the docks below: the user's height from now on.
    if (event->type() == QEvent::MouseButtonPress) {
        QDockWidget* dock = bottomDock();
        m_bottomDocksBefore = dock ? dock->height() : -1;
    } else if (event->type() == QEvent::MouseButtonRelease && m_bottomDocksBefore >= 0) {
        QDockWidget* dock = bottomDock();
        if (dock && dock->height() != m_bottomDocksBefore)
            Preferences::setBottomDocksSized(true);
        m_bottomDocksBefore = -1;
    }
    return QMainWindow::event(event);
}

} // namespace chronomap
