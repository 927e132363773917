#include "edit/edits.h"
#include "export/chartexport.h"
#include "query/selection.h"
#include "story/story.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <csignal>
#include <sys/resource.h>

using namespace chronomap;

// Chart export through the composer: exact sizes in every format, themes, the title block as
// text in SVG and PDF, publish-safe export, SVG geometry cut at the frame, failed writes.
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
    Id eventTitled(const QString& words) const
    {
        for (const Event& e : m_story->store().events())
            if (e.title.contains(words))
                return e.id;
        return 0;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story;
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
        QVERIFY(bytes.contains(QStringLiteral("width=\"%1\"").arg(size.width()).toUtf8()));
        QVERIFY(bytes.contains(QStringLiteral("height=\"%1\"").arg(size.height()).toUtf8()));
    } else {
        const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
        const auto m = box.match(QString::fromLatin1(bytes));
        QVERIFY(m.hasMatch());
        QCOMPARE(qRound(m.captured(1).toDouble()), size.width());
        QCOMPARE(qRound(m.captured(2).toDouble()), size.height());
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

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
