#include "actormap/actormapchart.h"
#include "actormap/actormaplayer.h"
#include "edit/editcommand.h"
#include "edit/edits.h"
#include "export/chartcomposer.h"
#include "query/selection.h"
#include "story/generator.h"
#include "story/story.h"
#include "theme/charttheme.h"
#include "timeline/timelinechart.h"
#include "timeline/timelinestate.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <memory>

using namespace chronomap;

// The caches that spare a frame work (measured and wrapped titles, layers drawn once and
// stamped): a frame drawn through them is the frame drawn without them, and each is dropped
// when what it holds changes (an edit, the theme, the size).
class TestDrawCaches : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void timelineFramesDoNotDependOnWhatWasMeasuredBefore();
    void wrappedTitleWidthIsItsLinesOwn();
    void smallMapFrameIsStampedUntilSomethingChanges();
    void smallMapRelationsStrokedAloneLookAsOnePath();
    void mapLegendStampedAnywhereIsWhole();
    void composerTitleBlockFollowsTextAndSize();

private:
    std::unique_ptr<Story> generatedStory();
    QTemporaryDir m_dir;
};

namespace {

QImage frame(TimelineChart& chart, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QCPPainter painter(&image);
    chart.paint(painter, size);
    return image;
}

} // namespace

void TestDrawCaches::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<Story> TestDrawCaches::generatedStory()
{
    const QString path = m_dir.filePath(QStringLiteral("generated.chronomap"));
    if (!QFile::exists(path)) {
        auto store = Store::open(path, Store::Mode::Create);
        GenerateOptions options;
        options.events = 600;
        options.actors = 60;
        generateStory(*store, options);
    }
    return Story::open(path);
}

void TestDrawCaches::timelineFramesDoNotDependOnWhatWasMeasuredBefore()
{
    // One chart zoomed in step by step keeps every title it measured and wrapped, for each
    // room it had; a new chart for each step measures from nothing. The frames must be the
    // same pixels, wrapped and shortened labels included (a cache answering for a room it
    // was not measured at would move a line break).
    auto story = generatedStory();
    Selection warmSelection;
    TimelineChart warm(story.get(), &warmSelection);
    const QSize size(1280, 720);
    const TimeIndex& index = story->timeIndex();
    const qint64 lo = index.minTime(), hi = index.maxTime();
    const qint64 focus = lo + (hi - lo) / 2;
    bool wrapped = false;
    qint64 span = hi - lo;
    for (int step = 0; step < 14; ++step) {
        span = qint64(double(span) / 1.45);
        const qint64 from = focus - span / 2 + step * (span / 37), to = from + span;
        warm.setWindow(from, to);
        const QImage a = frame(warm, size);
        for (const auto& p : warm.lastFrame())
            wrapped = wrapped || p.label.height() > 1.5 * 20 || p.shortened;
        Selection coldSelection;
        TimelineChart cold(story.get(), &coldSelection);
        cold.setWindow(from, to);
        const QImage b = frame(cold, size);
        QVERIFY2(a == b, qPrintable(QStringLiteral("step %1 differs").arg(step)));
    }
    QVERIFY2(wrapped, "no label was wrapped or shortened: the test tests nothing");
}

void TestDrawCaches::wrappedTitleWidthIsItsLinesOwn()
{
    // A wrapped title's width is added up from its words and spaces as they were measured
    // for the line breaks, not measured again line by line: it must be the widest line's
    // own advance, for every title, room, face and size the charts use (window 12 px,
    // exports larger), shortened last lines included.
    auto story = generatedStory();
    QStringList titles;
    for (const Event& e : story->store().events())
        if (titles.size() < 80) // enough words of every kind; each is shaped many times here
            titles << e.title;
    titles << QStringLiteral("\u26a0 Witkoff and Kushner meet Dmitriev in Miami")
           << QStringLiteral(
                  "Tűzszünet «AVA» TeVa LT' P. A, V. \u05e9\u05dc\u05d5\u05dd \U0001F600 end")
           << QStringLiteral("Supercalifragilisticexpialidociously-long-hyphenated-word here");
    int wrapped = 0, shortened = 0;
    for (int pixels : {12, 16, 23}) {
        TimelineState state;
        state.labelFont = QApplication::font();
        state.labelFont.setPixelSize(pixels);
        for (const bool bold : {false, true}) {
            QFont font = state.labelFont;
            font.setBold(bold);
            const QFontMetricsF metrics(font);
            for (const QString& title : std::as_const(titles))
                for (double room = 40; room < 400; room += 23.5)
                    for (const auto& [maxLines, cut] :
                         {std::pair{3, false}, std::pair{3, true}, std::pair{1, true}}) {
                        const auto& result = state.wrapText(title, bold, room, maxLines, cut);
                        double widest = 0;
                        for (const QString& line : result.lines)
                            widest = std::max(widest, metrics.horizontalAdvance(line));
                        QCOMPARE(result.width, widest);
                        wrapped += result.lines.size() > 1 ? 1 : 0;
                        shortened += result.shortened ? 1 : 0;
                    }
        }
    }
    QVERIFY(wrapped > 100);
    QVERIFY(shortened > 100);
}

namespace {

// The map as the window's plot shows it: replotted into its buffers, then painted.
QImage shown(ActorMapChart& chart)
{
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    return chart.plot()->grab().toImage();
}

// A map at `size`, laid out and fitted at once, as an export draws it.
void layOut(ActorMapChart& chart, QSize size)
{
    chart.setAnimated(false);
    chart.setSize(size);
    chart.layoutNow();
    chart.fitMap();
}

} // namespace

void TestDrawCaches::smallMapFrameIsStampedUntilSomethingChanges()
{
    // Two charts of one story, one stamping its frame while nothing changes, the other
    // drawing every frame in full: after each change (an edit, the theme, the size, a hover,
    // a pan) both must show the same pixels, and the first must have drawn afresh.
    auto story = generatedStory();
    Selection cachedSelection, freshSelection;
    ActorMapChart cached(story.get(), &cachedSelection), fresh(story.get(), &freshSelection);
    fresh.layer()->setCaching(false);
    for (ActorMapChart* chart : {&cached, &fresh}) {
        chart->setAnimated(false);
        chart->setSize(QSize(900, 600));
        chart->layoutNow();
        chart->fitMap();
    }
    QVERIFY(!cached.layer()->isLarge(int(cached.actors().size()),
                                     int(cached.relations().size())));
    // Both charts show the same pixels, and (after a change) not what was shown before:
    // a frame stamped from a stale cache would fail one or the other.
    QImage before;
    auto compare = [&](const char* after) {
        const QImage a = shown(cached), b = shown(fresh);
        const QString what = QLatin1String(after);
        if (a != b)
            return QStringLiteral("the cached frame differs after %1").arg(what);
        if (!before.isNull() && a == before)
            return QStringLiteral("nothing changed after %1: the test tests nothing").arg(what);
        before = a;
        return QString();
    };
    QString why = compare("the first frame");
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const int labels = cached.layer()->lastLabelCount();
    QVERIFY(labels > 0);
    // Nothing changed: the frame asked for again is kept, and stamped from then on.
    QVERIFY(shown(cached) == before);
    QVERIFY(shown(cached) == before);
    QVERIFY(cached.layer()->lastDrawWasFromCache());
    QCOMPARE(cached.layer()->lastLabelCount(), labels);

    // An edit: an actor renamed (its label changes, nothing else).
    Actor actor = cached.actors().front();
    actor.name = QStringLiteral("Renamed actor with a much longer name");
    QVERIFY(EditGuard::push(story.get(), makeUpdate(story.get(), actor)));
    auto renamed = [&actor](const ActorMapChart& chart) {
        for (const MapScene::Node& node : chart.layer()->scene().nodes)
            if (node.label == actor.name)
                return !chart.isLayingOut();
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(renamed(cached) && renamed(fresh), 20000);
    why = compare("an edit");
    QVERIFY2(why.isEmpty(), qPrintable(why));

    for (ActorMapChart* chart : {&cached, &fresh})
        chart->setTheme(*ChartTheme::named(QStringLiteral("dark")));
    why = compare("a theme change");
    QVERIFY2(why.isEmpty(), qPrintable(why));

    for (ActorMapChart* chart : {&cached, &fresh})
        chart->setSize(QSize(700, 500));
    why = compare("a resize");
    QVERIFY2(why.isEmpty(), qPrintable(why));

    for (ActorMapChart* chart : {&cached, &fresh})
        chart->setHover(0, -1);
    why = compare("a hover");
    QVERIFY2(why.isEmpty(), qPrintable(why));

    for (ActorMapChart* chart : {&cached, &fresh})
        chart->plot()->xAxis->moveRange(chart->plot()->xAxis->range().size() * 0.05);
    why = compare("a pan");
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(shown(cached) == before);
    QVERIFY(shown(cached) == before);
    QVERIFY(cached.layer()->lastDrawWasFromCache());
}

void TestDrawCaches::smallMapRelationsStrokedAloneLookAsOnePath()
{
    // On raster devices a small map strokes each relation on its own (one path per pen made
    // Qt's rasteriser slow), the dimmed ones through a translucent layer; files get one path
    // per pen. Both must show the same map: the same relations, pens, dashes and alpha,
    // antialiasing aside where relations cross or meet. Plain, and with one actor
    // highlighted (every other relation dimmed).
    auto story = generatedStory();
    Selection selection;
    ActorMapChart chart(story.get(), &selection);
    const QSize size(1200, 800);
    layOut(chart, size);
    QVERIFY(!chart.layer()->isLarge(int(chart.actors().size()), int(chart.relations().size())));
    auto draw = [&](bool asInAFile) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QCPPainter painter(&image);
        if (asInAFile) {
            painter.setMode(QCPPainter::pmVectorized); // one path per pen, as for SVG and PDF
            // Where a raster painter shifts antialiased drawing by half a pixel (QCPPainter).
            painter.translate(0.5, 0.5);
        }
        chart.paint(painter, size);
        return image;
    };
    for (const bool highlight : {false, true}) {
        if (highlight)
            selection.setHighlight({}, {chart.actors().front().id});
        const QImage alone = draw(false), onePath = draw(true);
        qsizetype inked = 0, differ = 0;
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x) {
                const QRgb a = alone.pixel(x, y), b = onePath.pixel(x, y);
                inked += a != qRgb(255, 255, 255) ? 1 : 0;
                const int d =
                    std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                              std::abs(qBlue(a) - qBlue(b))});
                differ += d > 32 ? 1 : 0;
            }
        QVERIFY2(inked > 20000, "the map drew next to nothing: the test tests nothing");
        QVERIFY2(differ * 1000 < inked,
                 qPrintable(QStringLiteral("%1 of %2 inked pixels differ%3")
                                .arg(differ)
                                .arg(inked)
                                .arg(highlight ? QStringLiteral(" (highlighted)") : QString())));
    }
}

void TestDrawCaches::mapLegendStampedAnywhereIsWhole()
{
    // The map's legend is drawn once into an image and stamped. An export draws the chart
    // where the page puts it (a painter moved by whole pixels, under the title block): the
    // same pixels as the chart drawn at the origin, legend whole, not cut at the image's edge.
    auto story = generatedStory();
    Selection selection;
    ActorMapChart chart(story.get(), &selection);
    const QSize size(900, 600);
    layOut(chart, size);
    auto draw = [&](QPoint at) {
        QImage image(size + QSize(at.x(), at.y()), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QCPPainter painter(&image);
        painter.translate(at);
        chart.paint(painter, size);
        return image.copy(QRect(at, size));
    };
    const QImage atOrigin = draw(QPoint(0, 0));
    for (const QPoint at : {QPoint(40, 90), QPoint(7, 3), QPoint(0, 0)})
        QVERIFY2(
            draw(at) == atOrigin,
            qPrintable(
                QStringLiteral("the chart drawn at (%1, %2) differs").arg(at.x()).arg(at.y())));
}

void TestDrawCaches::composerTitleBlockFollowsTextAndSize()
{
    // The composer keeps its title block's wrapped lines between paints: a new title or a
    // new size must be wrapped afresh, as a composer made for them wraps it.
    auto story = generatedStory();
    ExportRequest request;
    request.title = QStringLiteral("A first title, long enough to wrap onto a second line when "
                                   "the page is narrow, as a phone's is");
    request.subtitle = QStringLiteral("The whole story");
    ChartComposer kept(*story, request);
    QImage first = kept.image(QSize(600, 900));
    ExportRequest retitled = request;
    retitled.title = QStringLiteral("Another title, of other words, wrapped at other places "
                                    "on the same narrow page");
    kept.setText(retitled);
    ChartComposer made(*story, retitled);
    QImage second = kept.image(QSize(600, 900));
    QVERIFY(second != first);
    QVERIFY2(second == made.image(QSize(600, 900)), "a new title drawn with the old lines");
    QVERIFY2(kept.image(QSize(1000, 700)) == made.image(QSize(1000, 700)),
             "a new size drawn with the old lines");
}

QTEST_MAIN(TestDrawCaches)
#include "tst_drawcaches.moc"
