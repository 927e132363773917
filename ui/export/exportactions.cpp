#include "exportactions.h"

#include "actormap/actormapview.h"
#include "chartcomposer.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "text/storytext.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrinter>
#include <QPrintPreviewDialog>

namespace chronomap {

namespace {

// Remembers the last export's choices for the window; lives as a child of it.
class ExportActions final : public QObject
{
public:
    explicit ExportActions(MainWindow* window) : QObject(window), m_window(window) {}

    // The request for the chart in focus, with the window's state and the last choices.
    ExportRequest current() const
    {
        ExportRequest r = m_last;
        r.state = m_window->selection();
        r.highlight = true; // the chart as the window shows it, highlight included
        r.view = focusedView();
        if (TimelineView* t = m_window->timeline())
            r.laneMode = t->laneMode();
        if (!m_haveLast) {
            // First time: the chart as the window shows it.
            if (TimelineView* t = m_window->timeline())
                r.theme = t->theme().name;
        }
        return r;
    }

    void exportChartDialog()
    {
        if (!m_window->story())
            return;
        const ExportRequest r = current();
        ExportDialog dialog(m_window->story(), m_window->selection(), r.view, r.laneMode, m_window);
        if (m_haveLast)
            dialog.setRequest(r);
        if (dialog.exec() == QDialog::Accepted) {
            m_last = dialog.request();
            m_last.state = nullptr;
            m_haveLast = true;
        }
    }

    void copyChart()
    {
        if (!m_window->story())
            return;
        try {
            ExportRequest r = current();
            ChartComposer composer(*m_window->story(), r);
            QApplication::clipboard()->setImage(composer.image(r.size));
        } catch (const StoreError& e) {
            warnPlain(m_window, QObject::tr("Copy Chart"), e.message());
        }
    }

    void print()
    {
        if (!m_window->story())
            return;
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageOrientation(QPageLayout::Landscape);
        QPrintPreviewDialog preview(&printer, m_window);
        preview.setWindowTitle(QObject::tr("Print Chart"));
        connect(&preview, &QPrintPreviewDialog::paintRequested, this,
                [this](QPrinter* p) { printTo(*p); });
        preview.exec();
    }

    // Draws the chart on the printer's page, laid out in points like a PDF export.
    void printTo(QPrinter& printer)
    {
        try {
            ExportRequest r = current();
            const QRect page = printer.pageLayout().paintRectPixels(printer.resolution());
            r.size = page.size();
            r.scale = printer.resolution() / 72.0;
            if (r.theme == QLatin1String("dark"))
                r.theme = QStringLiteral("light"); // paper is white
            ChartComposer composer(*m_window->story(), r);
            composer.paint(printer, r.size);
        } catch (const StoreError& e) {
            warnPlain(m_window, QObject::tr("Print Chart"), e.message());
        }
    }

private:
    QString focusedView() const
    {
        const QWidget* focus = QApplication::focusWidget();
        const ActorMapView* map = m_window->actorMap();
        return focus && map && (focus == map || map->isAncestorOf(focus))
                   ? QStringLiteral("actors")
                   : QStringLiteral("timeline");
    }

    MainWindow* m_window;
    ExportRequest m_last;
    bool m_haveLast = false;
};

} // namespace

void installExportActions(MainWindow* window, QMenu* file)
{
    auto* actions = new ExportActions(window);
    // Before Quit, in a group of their own; found by id, not by words or separators.
    QAction* before = file->findChild<QAction*>(QStringLiteral("quitAction"));
    auto add = [&](const QString& text, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, file);
        a->setShortcut(key);
        QObject::connect(a, &QAction::triggered, actions, slot);
        file->insertAction(before, a);
        return a;
    };
    add(QObject::tr("Export &Chart…"), QKeySequence(Qt::CTRL | Qt::Key_E), [actions] {
        actions->exportChartDialog();
    })->setObjectName(QStringLiteral("exportChartAction"));
    add(QObject::tr("Cop&y Chart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [actions] {
        actions->copyChart();
    })->setObjectName(QStringLiteral("copyChartAction"));
    add(QObject::tr("&Print…"), QKeySequence(QKeySequence::Print), [actions] {
        actions->print();
    })->setObjectName(QStringLiteral("printChartAction"));
    if (before)
        file->insertSeparator(before);
}

} // namespace chronomap
