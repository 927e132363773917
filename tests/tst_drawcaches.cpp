#include "query/selection.h"
#include "story/generator.h"
#include "story/story.h"
#include "theme/charttheme.h"
#include "timeline/timelinechart.h"

#include <QApplication>
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

QTEST_MAIN(TestDrawCaches)
#include "tst_drawcaches.moc"
