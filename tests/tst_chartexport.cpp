#include "edit/edits.h"
#include "export/chartexport.h"
#include "export/pngencoder.h"
#include "graph/actorgraph.h"
#include "query/selection.h"
#include "story/generator.h"
#include "story/story.h"
#include "timeline/timelinestate.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QLinearGradient>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <cmath>
#include <cstring>

#include <csignal>
#include <sys/resource.h>

using namespace chronomap;

// Chart export through the composer: exact sizes in every format, themes, the title block as
// text in SVG and PDF, publish-safe export, SVG geometry cut at the frame, failed writes, a
// legend and labels that stay whole, PDF that keeps translucency, vector files without
// pictures in them.
class TestChartExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pixelSize_data();
    void pixelSize();
    void themeChangesBackground();
    void titleIsTextInSvgAndPdf();
    void publishSafe_data();
    void publishSafe();
    void svgHasNoInkOutsideFrame_data();
    void svgHasNoInkOutsideFrame();
    void selectionIsNotExported();
    void failedWriteKeepsOldFile();
    void unknownThemeAndView();
    void legendKeepsEveryEntry_data();
    void legendKeepsEveryEntry();
    void todayLabelStaysInsideThePlot();
    void translucentGradientSurvivesPdf();
    void vectorFilesHoldNoPictures_data();
    void vectorFilesHoldNoPictures();
    void everyRelationNotClearedIsMarked();
    void largeMapSaysWhatItCannotMark();
    void footerCountsWhatTheMapShows();
    void densityMarksWhatIsNotCleared();
    void pngKeepsEveryPixel();

private:
    ExportRequest request(const QString& name, QSize size = QSize(960, 540)) const
    {
        ExportRequest r;
        r.output = m_dir.filePath(name);
        r.size = size;
        r.publishSafe = ExportRequest::PublishSafe::Off;
        return r;
    }
    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // A synthetic story (a new file each time).
    std::unique_ptr<Story> generated(qint64 events, qint64 actors)
    {
        const QString path =
            m_dir.filePath(QStringLiteral("generated-%1.chronomap").arg(++m_generated));
        {
            auto store = Store::open(path, Store::Mode::Create);
            GenerateOptions g;
            g.events = events;
            g.actors = actors;
            store->beginBulkLoad();
            generateStory(*store, g);
            store->endBulkLoad();
        }
        return Story::open(path, Store::Mode::ReadOnly);
    }
    Id eventTitled(const QString& words) const
    {
        for (const Event& e : m_story->store().events())
            if (e.title.contains(words))
                return e.id;
        return 0;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story;
    int m_generated = 0;
};

void TestChartExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_story = Story::create(m_dir.filePath(QStringLiteral("seed.chronomap")));
    QVERIFY(m_story->timeIndex().size() > 10);
}

void TestChartExport::pixelSize_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QSize>("size");
    const QList<QSize> sizes = {QSize(1920, 1080), QSize(1080, 1920), QSize(1200, 675),
                                QSize(842, 595)};
    for (const QString& view : {QStringLiteral("timeline"), QStringLiteral("actors")})
        for (const QString& suffix : {QStringLiteral("png"), QStringLiteral("jpg"),
                                      QStringLiteral("svg"), QStringLiteral("pdf")})
            for (const QSize& s : sizes)
                QTest::addRow("%s %s %dx%d", qPrintable(view), qPrintable(suffix), s.width(),
                              s.height())
                    << view << suffix << s;
}

void TestChartExport::pixelSize()
{
    QFETCH(QString, view);
    QFETCH(QString, suffix);
    QFETCH(QSize, size);
    ExportRequest r = request(QStringLiteral("size.") + suffix, size);
    r.view = view;
    r.title = QStringLiteral("Size check");
    exportChart(*m_story, r);
    const QByteArray bytes = readAll(r.output);
    QVERIFY(!bytes.isEmpty());
    if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg")) {
        QCOMPARE(QImage::fromData(bytes).size(), size);
    } else if (suffix == QLatin1String("svg")) {
        // The document's own size, in pixels: viewers round a size in millimetres (1200×675
        // came out 1200×676).
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd() && !xml.isStartElement())
            xml.readNext();
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        QCOMPARE(xml.attributes().value(QStringLiteral("width")).toString(),
                 QString::number(size.width()));
        QCOMPARE(xml.attributes().value(QStringLiteral("height")).toString(),
                 QString::number(size.height()));
        QCOMPARE(xml.attributes().value(QStringLiteral("viewBox")).toString(),
                 QStringLiteral("0 0 %1 %2").arg(size.width()).arg(size.height()));
    } else {
        const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
        const auto m = box.match(QString::fromLatin1(bytes));
        QVERIFY(m.hasMatch());
        // At 96 dpi: a pixel is three quarters of a point (842×595 px comes out a little
        // short of A4 landscape, so it is not snapped to it).
        QVERIFY(std::abs(m.captured(1).toDouble() - size.width() * 0.75) < 1.5);
        QVERIFY(std::abs(m.captured(2).toDouble() - size.height() * 0.75) < 1.5);
    }
}

void TestChartExport::themeChangesBackground()
{
    QColor corner[2];
    int i = 0;
    for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
        ExportRequest r = request(theme + QStringLiteral(".png"));
        r.theme = theme;
        exportChart(*m_story, r);
        const QImage image(r.output);
        QCOMPARE(image.size(), r.size);
        corner[i++] = image.pixelColor(2, 2);
    }
    QVERIFY(corner[0] != corner[1]);
    QVERIFY(corner[0].lightnessF() > 0.8);
    QVERIFY(corner[1].lightnessF() < 0.3);
}

void TestChartExport::titleIsTextInSvgAndPdf()
{
    const QString title = QStringLiteral("Witkoff framework timeline");
    ExportRequest r = request(QStringLiteral("title.svg"));
    r.title = title;
    exportChart(*m_story, r);
    QVERIFY(readAll(r.output).contains(title.toUtf8()));

    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    QVERIFY2(!pdftotext.isEmpty(),
             "pdftotext (poppler-utils) is needed: packaging/install-deps.sh");
    r.output = m_dir.filePath(QStringLiteral("title.pdf"));
    exportChart(*m_story, r);
    QProcess p;
    p.start(pdftotext, {r.output, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    // Compatibility form: the PDF's text may use ligatures ("ﬀ").
    const QString text =
        QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    QVERIFY2(text.contains(title), qPrintable(text.left(400)));
}

void TestChartExport::publishSafe_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("labelShown");
    QTest::addColumn<QString>("footer");
    QTest::newRow("omit") << int(ExportRequest::PublishSafe::Omit) << false
                          << QStringLiteral("left out");
    QTest::newRow("mark") << int(ExportRequest::PublishSafe::Mark) << true
                          << QStringLiteral("hatching mark");
    QTest::newRow("off") << int(ExportRequest::PublishSafe::Off) << true << QString();
}

void TestChartExport::publishSafe()
{
    QFETCH(int, mode);
    QFETCH(bool, labelShown);
    QFETCH(QString, footer);
    // One event cleared; the rest of the seed is draft or confirmed.
    const Id cleared = eventTitled(QStringLiteral("Miami"));
    QVERIFY(cleared);
    m_story->undoStack()->push(makeSetStatus(m_story.get(), {EntityRef{EntityKind::Event, cleared}},
                                             Verification::Cleared));
    const auto draft = m_story->store().event(eventTitled(QStringLiteral("sanctions")));
    QVERIFY(draft && draft->status != Verification::Cleared);
    const auto kept = m_story->store().event(cleared);

    ExportRequest r = request(QStringLiteral("safe.svg"), QSize(1920, 1080));
    r.publishSafe = ExportRequest::PublishSafe(mode);
    const QString note = exportChart(*m_story, r);
    m_story->undoStack()->undo();
    const QString svg = QString::fromUtf8(readAll(r.output));
    // Labels may be shortened to fit: look for the start of the title.
    const QString draftLabel = draft->title.left(14).toHtmlEscaped();
    QCOMPARE(svg.contains(draftLabel), labelShown);
    QVERIFY(svg.contains(kept->title.left(14).toHtmlEscaped()));
    if (footer.isEmpty()) {
        QVERIFY(note.isEmpty());
        QVERIFY(!svg.contains(QStringLiteral("Publish-safe")));
    } else {
        QVERIFY2(note.contains(footer), qPrintable(note));
        QVERIFY(svg.contains(QStringLiteral("Publish-safe")));
        QVERIFY(svg.contains(footer));
    }
}

void TestChartExport::svgHasNoInkOutsideFrame_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    // A window that cuts through the story: boxes, whiskers and labels run past both edges.
    QTest::newRow("timeline cut") << QStringLiteral("timeline") << QStringLiteral("2025-10-20")
                                  << QStringLiteral("2025-11-05");
    QTest::newRow("timeline whole") << QStringLiteral("timeline") << QString() << QString();
    QTest::newRow("actors") << QStringLiteral("actors") << QString() << QString();
}

void TestChartExport::svgHasNoInkOutsideFrame()
{
    QFETCH(QString, view);
    QFETCH(QString, from);
    QFETCH(QString, to);
    const QSize size(1200, 675);
    ExportRequest r = request(QStringLiteral("frame.svg"), size);
    r.view = view;
    if (!from.isEmpty()) {
        r.from = PartialDate::fromEdtf(from).earliest();
        r.to = PartialDate::fromEdtf(to).latest();
    }
    r.legend = false;
    exportChart(*m_story, r);

    // Every coordinate of every shape, mapped through its group's transform, lies on the page.
    QXmlStreamReader xml(readAll(r.output));
    QList<QTransform> stack{QTransform()};
    const QRegularExpression number(QStringLiteral("-?[0-9]*\\.?[0-9]+(?:e-?[0-9]+)?"));
    const QRegularExpression matrix(QStringLiteral("matrix\\(([^)]*)\\)"));
    const QRectF page = QRectF(QPointF(0, 0), QSizeF(size)).adjusted(-1, -1, 1, 1);
    int points = 0;
    auto check = [&](double x, double y, const QString& what) {
        const QPointF p = stack.last().map(QPointF(x, y));
        ++points;
        QVERIFY2(page.contains(p),
                 qPrintable(QStringLiteral("%1 at %2,%3").arg(what).arg(p.x()).arg(p.y())));
    };
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement()) {
            stack.removeLast();
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto a = xml.attributes();
        QTransform t = stack.last();
        if (const auto m = matrix.match(a.value(QStringLiteral("transform")).toString());
            m.hasMatch()) {
            const QStringList v = m.captured(1).split(QLatin1Char(','));
            if (v.size() == 6)
                t = QTransform(v[0].toDouble(), v[1].toDouble(), v[2].toDouble(), v[3].toDouble(),
                               v[4].toDouble(), v[5].toDouble()) *
                    stack.last();
        }
        stack.append(t);
        const QString name = xml.name().toString();
        QList<double> coords;
        QString list;
        if (name == QLatin1String("path"))
            list = a.value(QStringLiteral("d")).toString();
        else if (name == QLatin1String("polyline") || name == QLatin1String("polygon"))
            list = a.value(QStringLiteral("points")).toString();
        for (auto it = number.globalMatch(list); it.hasNext();)
            coords << it.next().captured().toDouble();
        for (qsizetype i = 0; i + 1 < coords.size(); i += 2)
            check(coords[i], coords[i + 1], name);
        if (name == QLatin1String("rect") || name == QLatin1String("image")) {
            const double x = a.value(QStringLiteral("x")).toDouble();
            const double y = a.value(QStringLiteral("y")).toDouble();
            const double w = a.value(QStringLiteral("width")).toDouble();
            const double h = a.value(QStringLiteral("height")).toDouble();
            check(x, y, name);
            check(x + w, y + h, name);
        }
        if (name == QLatin1String("text"))
            check(a.value(QStringLiteral("x")).toDouble(), a.value(QStringLiteral("y")).toDouble(),
                  name);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(!xml.hasError());
    QVERIFY(points > 50); // the check saw the chart, not an empty file
}

void TestChartExport::selectionIsNotExported()
{
    ExportRequest plain = request(QStringLiteral("plain.png"));
    exportChart(*m_story, plain);
    Selection state;
    const Id id = eventTitled(QStringLiteral("Miami"));
    state.selectEvents({id});
    state.setHighlight({id}, {});
    ExportRequest selected = request(QStringLiteral("selected.png"));
    selected.state = &state;
    exportChart(*m_story, selected);
    QCOMPARE(QImage(selected.output), QImage(plain.output));
}

void TestChartExport::failedWriteKeepsOldFile()
{
    // A file cut short midway (RLIMIT_FSIZE makes writes past 4 KB fail even for root).
    const QString target = m_dir.filePath(QStringLiteral("old.png"));
    {
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("the old export");
    }
    {
        rlimit old{};
        getrlimit(RLIMIT_FSIZE, &old);
        const auto handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lim = old;
        lim.rlim_cur = 4096;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &lim) == 0);
        ExportRequest r = request(QStringLiteral("old.png"));
        bool threw = false;
        try {
            exportChart(*m_story, r);
        } catch (const StoreError& e) {
            threw = e.message().contains(target);
        }
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, handler);
        QVERIFY(threw);
    }
    QCOMPARE(readAll(target), QByteArray("the old export"));

    // A folder that cannot exist: a file stands where it should be.
    ExportRequest r = request(QStringLiteral("old.png/chart.svg"));
    QVERIFY_THROWS_EXCEPTION(StoreError, exportChart(*m_story, r));
    QCOMPARE(readAll(target), QByteArray("the old export"));
}

void TestChartExport::unknownThemeAndView()
{
    ExportRequest r = request(QStringLiteral("x.png"));
    r.theme = QStringLiteral("neon");
    QVERIFY_THROWS_EXCEPTION(StoreError, exportChart(*m_story, r));
    r.theme = QStringLiteral("light");
    r.view = QStringLiteral("pie");
    QVERIFY_THROWS_EXCEPTION(StoreError, exportChart(*m_story, r));
    r.view = QStringLiteral("timeline");
    r.output = m_dir.filePath(QStringLiteral("x.bmp"));
    QVERIFY_THROWS_EXCEPTION(StoreError, exportChart(*m_story, r));
    QVERIFY(!QFile::exists(r.output));
}

void TestChartExport::legendKeepsEveryEntry_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("theme");
    // Narrow and large-type pages: one row of legend does not fit, so it must wrap. In SVG a
    // legend entry cut at the edge is left out whole, so its text is missing from the file.
    QTest::newRow("portrait") << QSize(1080, 1920) << QStringLiteral("light");
    QTest::newRow("social card") << QSize(1200, 675) << QStringLiteral("light");
    QTest::newRow("broadcast card") << QSize(1200, 675) << QStringLiteral("broadcast");
    QTest::newRow("A4 broadcast") << QSize(842, 595) << QStringLiteral("broadcast");
}

void TestChartExport::legendKeepsEveryEntry()
{
    QFETCH(QSize, size);
    QFETCH(QString, theme);
    ExportRequest r = request(QStringLiteral("legend.svg"), size);
    r.theme = theme;
    r.publishSafe = ExportRequest::PublishSafe::Mark;
    exportChart(*m_story, r);
    const QString svg = QString::fromUtf8(readAll(r.output));
    for (const QString& entry :
         {QStringLiteral("known to the day"), QStringLiteral("could be as early/late as"),
          QStringLiteral("draft"), QStringLiteral("cleared"), QStringLiteral("disputed"),
          QStringLiteral("\u26a0 not cleared for publication")})
        QVERIFY2(svg.contains(QLatin1Char('>') + entry + QLatin1Char('<')), qPrintable(entry));
}

void TestChartExport::todayLabelStaysInsideThePlot()
{
    // A window that ends just after today: the line is at the plot's right edge, where a
    // label to its right would be cut (and, in SVG, left out).
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    ExportRequest r = request(QStringLiteral("today.svg"), QSize(1200, 675));
    r.from = now - 30 * 86400;
    r.to = now + 6 * 3600;
    exportChart(*m_story, r);
    QVERIFY(readAll(r.output).contains(">Today<"));
}

void TestChartExport::translucentGradientSurvivesPdf()
{
    // Qt's PDF engine drops a gradient's alpha: a box fading out at one end printed as a
    // solid bar. fillGradient lays translucent strips instead; rasterised, the faint end must
    // be nearly the page's white and the full end the translucent blue over white.
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    QVERIFY2(!pdftoppm.isEmpty(), "pdftoppm (poppler-utils) is needed: packaging/install-deps.sh");
    const QString path = m_dir.filePath(QStringLiteral("gradient.pdf"));
    {
        QPdfWriter pdf(path);
        pdf.setResolution(72);
        pdf.setPageLayout(QPageLayout(
            QPageSize(QSizeF(200, 40), QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF()));
        QPainter painter(&pdf);
        const QRectF box(0, 0, 200, 40);
        painter.fillRect(box, Qt::white);
        QLinearGradient g(box.left(), 0, box.right(), 0);
        g.setColorAt(0, QColor(0, 114, 178, 10));
        g.setColorAt(0.35, QColor(0, 114, 178, 107));
        g.setColorAt(1, QColor(0, 114, 178, 107));
        fillGradient(&painter, box, g);
    }
    QProcess p;
    p.start(pdftoppm,
            {QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-png"),
             QStringLiteral("-singlefile"), path, m_dir.filePath(QStringLiteral("gradient"))});
    QVERIFY(p.waitForFinished(30000));
    const QImage image(m_dir.filePath(QStringLiteral("gradient.png")));
    QCOMPARE(image.size(), QSize(200, 40));
    const QColor faint = image.pixelColor(2, 20);
    const QColor full = image.pixelColor(180, 20);
    QVERIFY2(faint.red() > 235 && faint.green() > 235, qPrintable(faint.name()));
    // 107/255 of (0, 114, 178) over white: about (148, 195, 222).
    QVERIFY2(std::abs(full.red() - 148) < 16 && std::abs(full.blue() - 222) < 16,
             qPrintable(full.name()));
}

void TestChartExport::vectorFilesHoldNoPictures_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<int>("actors");
    // The timeline's overview strip was a blitted image; a large map stamped each node as a
    // small picture (2,000 of them in a 2,000-actor SVG).
    QTest::newRow("timeline") << QStringLiteral("timeline") << 0;
    QTest::newRow("large map") << QStringLiteral("actors") << 600;
}

void TestChartExport::vectorFilesHoldNoPictures()
{
    QFETCH(QString, view);
    QFETCH(int, actors);
    std::unique_ptr<Story> large = actors > 0 ? generated(2000, actors) : nullptr;
    Story* story = large ? large.get() : m_story.get();
    ExportRequest r = request(QStringLiteral("pictures.svg"), QSize(1920, 1080));
    r.view = view;
    exportChart(*story, r);
    const QByteArray svg = readAll(r.output);
    QVERIFY(svg.size() > 1000);
    QCOMPARE(svg.count("<image"), 0);

    r.output = m_dir.filePath(QStringLiteral("pictures.pdf"));
    exportChart(*story, r);
    QCOMPARE(readAll(r.output).count("/Subtype /Image"), 0);
}

void TestChartExport::largeMapSaysWhatItCannotMark()
{
    // A large map draws relations without labels: the footer must not claim a ⚠ on each, and
    // the legend has no ⚠ line; leaving them out still works.
    std::unique_ptr<Story> large = generated(200, 600);
    ExportRequest r = request(QStringLiteral("large.svg"), QSize(1920, 1080));
    r.view = QStringLiteral("actors");
    r.publishSafe = ExportRequest::PublishSafe::Mark;
    const QString note = exportChart(*large, r);
    QVERIFY2(note.contains(QStringLiteral("too many to mark one by one")), qPrintable(note));
    QVERIFY2(!note.contains(QStringLiteral("\u26a0 marks")), qPrintable(note));
    QVERIFY(!QString::fromUtf8(readAll(r.output)).contains(QStringLiteral("not cleared<")));
    r.publishSafe = ExportRequest::PublishSafe::Omit;
    QVERIFY2(exportChart(*large, r).contains(QStringLiteral("left out")), qPrintable(note));
}

void TestChartExport::everyRelationNotClearedIsMarked()
{
    // None of the seed's relations is cleared. Each carries ⚠: in its label, or alone at its
    // middle where the label found no room (such a line went unmarked), and the legend has
    // one more.
    ExportRequest r = request(QStringLiteral("relations.svg"), QSize(1920, 1080));
    r.view = QStringLiteral("actors");
    r.publishSafe = ExportRequest::PublishSafe::Mark;
    const QString note = exportChart(*m_story, r);
    const qsizetype relations = m_story->store().relations().size();
    QVERIFY2(note.contains(QStringLiteral("%1 relations").arg(relations)), qPrintable(note));
    const QString svg = QString::fromUtf8(readAll(r.output));
    QVERIFY2(svg.count(QStringLiteral(">\u26a0")) >= relations + 1,
             qPrintable(QString::number(svg.count(QStringLiteral(">\u26a0")))));
}

void TestChartExport::densityMarksWhatIsNotCleared()
{
    // Zoomed out over thousands of events the timeline counts them per pixel column instead
    // of drawing boxes; the hatching must then cover the columns that count events not
    // cleared (before, only the legend was hatched while the footer said they were marked).
    auto story = generated(3000, 60);
    int hatched[2] = {0, 0};
    int i = 0;
    for (const auto mode : {ExportRequest::PublishSafe::Off, ExportRequest::PublishSafe::Mark}) {
        ExportRequest r = request(QStringLiteral("density.svg"), QSize(1920, 1080));
        r.publishSafe = mode;
        exportChart(*story, r);
        hatched[i++] = int(readAll(r.output).count("url(#fillpattern"));
    }
    QCOMPARE(hatched[0], 0);
    QVERIFY2(hatched[1] > 2, qPrintable(QString::number(hatched[1]))); // lanes, and the legend
}

void TestChartExport::footerCountsWhatTheMapShows()
{
    // An actor that does not exist in the exported window ("as of": a GEXF node's spells,
    // kept as its "valid" date) is hidden on the map with its relations. The footer counts
    // only the relations the map draws; before, it counted every relation of the window.
    const QList<Relation> relations = m_story->store().relations();
    QHash<Id, int> degree;
    for (const Relation& r : relations)
        if (r.status != Verification::Cleared)
            ++degree[r.sourceId], ++degree[r.targetId];
    Id gone = 0;
    for (auto it = degree.cbegin(); it != degree.cend(); ++it)
        if (!gone || it.value() > degree.value(gone))
            gone = it.key();
    QVERIFY(gone);
    auto actor = m_story->store().actor(gone);
    QVERIFY(actor);
    setAttribute(actor->attributes, QStringLiteral("valid"),
                 Attribute{QStringLiteral("valid"), AttributeType::Date,
                           QStringLiteral("1990-01-01/1990-12-31")});
    m_story->undoStack()->push(makeUpdate(m_story.get(), *actor));

    // What the map must show, worked out here from the story: relations that hold in the
    // story's span (the export's window) and whose ends both exist in it.
    const qint64 from = m_story->timeIndex().minTime(), to = m_story->timeIndex().maxTime();
    int drawn = 0, inWindow = 0;
    for (const Relation& r : relations) {
        if (r.status == Verification::Cleared || !relationValidIn(r.valid, from, to))
            continue;
        ++inWindow;
        if (r.sourceId != gone && r.targetId != gone)
            ++drawn;
    }
    QVERIFY(drawn > 0 && drawn < inWindow);

    ExportRequest r = request(QStringLiteral("asof.svg"), QSize(1920, 1080));
    r.view = QStringLiteral("actors");
    r.publishSafe = ExportRequest::PublishSafe::Mark;
    const QString note = exportChart(*m_story, r);
    r.publishSafe = ExportRequest::PublishSafe::Omit;
    const QString omitted = exportChart(*m_story, r);
    m_story->undoStack()->undo();
    const QString count = QStringLiteral("%1 relations").arg(drawn);
    QVERIFY2(note.contains(QStringLiteral("\u26a0 marks ") + count), qPrintable(note));
    QVERIFY2(omitted.contains(count), qPrintable(omitted));
}

void TestChartExport::pngKeepsEveryPixel()
{
    // The chart's own PNG writer: every pixel back as it was (odd width, every channel
    // value, a flat area and noise), the resolution kept, and what it cannot write (not
    // opaque) left to Qt.
    QImage image(257, 131, QImage::Format_RGB32);
    image.setDotsPerMeterX(7559);
    image.setDotsPerMeterY(3780);
    quint32 state = 12345;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            image.setPixel(x, y,
                           y < 40 ? qRgb(x % 256, (x + y) % 256, 255 - x % 256)
                           : y < 80 ? qRgb(250, 250, 250)
                                    : QRgb(state >> 8));
        }
    const QByteArray png = encodeOpaquePng(image);
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QImage back;
    QVERIFY(back.loadFromData(png, "PNG"));
    QCOMPARE(back.size(), image.size());
    QCOMPARE(back.dotsPerMeterX(), 7559);
    QCOMPARE(back.dotsPerMeterY(), 3780);
    back = back.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        QVERIFY2(std::memcmp(back.constScanLine(y), image.constScanLine(y),
                             std::size_t(image.width()) * 4) == 0,
                 qPrintable(QStringLiteral("row %1 differs").arg(y)));
    QVERIFY(encodeOpaquePng(image.convertToFormat(QImage::Format_ARGB32)).isEmpty());
}

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
