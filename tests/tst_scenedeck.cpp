// Scene exports (present/scenedeck): a PDF deck is a page per scene with vector text and the
// publish-safe hatching, small enough to mail; a scene's page shows the charts the scene shows
// and its highlight, never the window's selection; numbered images have the requested size;
// a story without scenes is a clear error.
#include "edit/sceneedits.h"
#include "export/chartexport.h"
#include "present/scenedeck.h"
#include "present/scenestate.h"
#include "story/story.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

namespace {
qint64 at(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}
} // namespace

class TestSceneDeck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deckIsAPagePerSceneWithText();
    void sceneShowsItsChartsAndHighlight();
    void sceneFollowsItsFiltersAndWindow();
    void highlightIsDrawnSelectionIsNot_data();
    void highlightIsDrawnSelectionIsNot();
    void numberedImagesHaveTheRequestedSize();
    void noScenesIsAClearError();

private:
    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QString pdfText(const QString& path)
    {
        QProcess p;
        p.start(m_pdftotext, {path, QStringLiteral("-")});
        if (!p.waitForFinished(30000))
            return {};
        // Compatibility form: the PDF's text may use ligatures.
        return QString::fromUtf8(p.readAllStandardOutput())
            .normalized(QString::NormalizationForm_KC);
    }
    Id eventTitled(const QString& words) const
    {
        for (const Event& e : m_story->store().events())
            if (e.title.contains(words))
                return e.id;
        return 0;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story; // the seed story with its four scenes
    QString m_pdftotext;
};

void TestSceneDeck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_story = Story::create(m_dir.filePath(QStringLiteral("seed.chronomap")));
    QVERIFY(orderedScenes(m_story->store()).size() >= 3);
    m_pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    QVERIFY2(!m_pdftotext.isEmpty(),
             "pdftotext (poppler-utils) is needed: packaging/install-deps.sh");
}

void TestSceneDeck::deckIsAPagePerSceneWithText()
{
    ExportRequest r;
    r.output = m_dir.filePath(QStringLiteral("deck.pdf"));
    r.size = QSize(1920, 1080);
    const QList<Scene> scenes = orderedScenes(m_story->store());
    QCOMPARE(exportSceneDeck(*m_story, r), int(scenes.size()));
    const QByteArray pdf = readAll(r.output);
    const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    QCOMPARE(int(QString::fromLatin1(pdf).count(page)), int(scenes.size()));
    // Text is text (a detour through SVG had turned every glyph into an outline and made a
    // 4-page deck of this story 4.8 MB).
    const QString text = pdfText(r.output);
    for (const Scene& s : scenes) {
        QVERIFY2(text.contains(s.name), qPrintable(s.name));
        QVERIFY2(text.contains(s.caption.left(30)), qPrintable(s.caption));
    }
    QVERIFY2(pdf.size() < 1024 * 1024, qPrintable(QString::number(pdf.size())));
    // The seed is not cleared for publication: the pages carry the hatching, a tiling pattern.
    QVERIFY(pdf.contains("/PatternType 1"));
}

void TestSceneDeck::sceneShowsItsChartsAndHighlight()
{
    // The seed's first scene shows both charts and highlights Donald Trump and Vladimir
    // Putin: its page has the map's actors as well as the timeline's events, and the
    // highlighted names whole (bold, they were measured in the regular weight and cut).
    const Scene scene = orderedScenes(m_story->store()).first();
    const SceneState state = SceneState::fromJsonText(scene.state);
    QCOMPARE(int(state.charts), int(SceneState::Charts::Both));
    QVERIFY(!state.highlightedActors.isEmpty());
    // Every scene of the sample story highlights its story point on the timeline too, as it
    // highlights its actors on the map.
    for (const Scene& s : orderedScenes(m_story->store()))
        QVERIFY2(!SceneState::fromJsonText(s.state).highlightedEvents.isEmpty(),
                 qPrintable(s.name));
    ExportRequest r;
    r.output = m_dir.filePath(QStringLiteral("scene.svg"));
    r.size = QSize(1920, 1080);
    exportScene(*m_story, scene, r);
    const QString svg = QString::fromUtf8(readAll(r.output));
    for (Id id : state.highlightedActors) {
        const auto actor = m_story->store().actor(id);
        QVERIFY(actor);
        QVERIFY2(svg.contains(QLatin1Char('>') + actor->name + QLatin1Char('<')),
                 qPrintable(actor->name));
    }
    QVERIFY(svg.contains(QStringLiteral(">Kirill Dmitriev<")));         // on the map
    QVERIFY(svg.contains(QStringLiteral("Trump and Putin meet at a"))); // on the timeline
}

void TestSceneDeck::sceneFollowsItsFiltersAndWindow()
{
    // A scene's page draws exactly the events its filters and window let through: one
    // category, autumn 2025. Every such title is on the page, no other.
    const QList<Event> events = m_story->store().events();
    const Id category = m_story->store().event(eventTitled(QStringLiteral("Miami")))->categoryId;
    SceneState state;
    state.charts = SceneState::Charts::Timeline;
    state.from = at(2025, 9, 1);
    state.to = at(2025, 12, 31);
    state.filter.categories = {category};
    Scene scene;
    scene.name = QStringLiteral("One desk");
    scene.state = state.toJsonText();
    ExportRequest r;
    r.output = m_dir.filePath(QStringLiteral("filtered.svg"));
    r.size = QSize(1920, 1080);
    r.publishSafe = ExportRequest::PublishSafe::Off;
    exportScene(*m_story, scene, r);
    const QString svg = QString::fromUtf8(readAll(r.output));
    int in = 0, out = 0;
    for (const Event& e : events) {
        // The start of the title, in words the SVG writes as they are.
        QString words;
        for (const QString& w : e.title.split(u' ')) {
            if (w.contains(QRegularExpression(QStringLiteral("[^\\w]"))) ||
                words.size() + w.size() > 24)
                break;
            words += (words.isEmpty() ? QString() : QStringLiteral(" ")) + w;
        }
        if (words.size() < 8)
            continue;
        const bool passes = e.categoryId == category && e.date.latest() >= *state.from &&
                            e.date.earliest() <= *state.to;
        (passes ? in : out)++;
        QVERIFY2(svg.contains(words) == passes, qPrintable(e.title));
    }
    QVERIFY(in > 0);
    QVERIFY(out > 0);
}

void TestSceneDeck::highlightIsDrawnSelectionIsNot_data()
{
    QTest::addColumn<bool>("highlight");
    QTest::addColumn<bool>("select");
    QTest::addColumn<bool>("differs");
    QTest::newRow("highlight") << true << false << true;
    QTest::newRow("selection") << false << true << false;
}

void TestSceneDeck::highlightIsDrawnSelectionIsNot()
{
    QFETCH(bool, highlight);
    QFETCH(bool, select);
    QFETCH(bool, differs);
    const Id miami = eventTitled(QStringLiteral("Miami"));
    QVERIFY(miami);
    SceneState plain;
    plain.charts = SceneState::Charts::Timeline;
    plain.from = at(2025, 9, 1);
    plain.to = at(2025, 12, 1);
    SceneState marked = plain;
    if (highlight)
        marked.highlightedEvents = {miami};
    if (select)
        marked.selectedEvents = {miami};
    QImage images[2];
    int i = 0;
    for (const SceneState& state : {plain, marked}) {
        Scene scene;
        scene.name = QStringLiteral("Check");
        scene.state = state.toJsonText();
        ExportRequest r;
        r.output = m_dir.filePath(QStringLiteral("highlight-%1.png").arg(i));
        r.size = QSize(960, 540);
        exportScene(*m_story, scene, r);
        images[i++] = QImage(r.output);
    }
    QCOMPARE(images[0].size(), QSize(960, 540));
    QCOMPARE(images[0] != images[1], differs);
}

void TestSceneDeck::numberedImagesHaveTheRequestedSize()
{
    ExportRequest r;
    r.size = QSize(1080, 1920);
    const QString folder = m_dir.filePath(QStringLiteral("slides"));
    const QStringList files = exportSceneImages(*m_story, r, folder);
    const QList<Scene> scenes = orderedScenes(m_story->store());
    QCOMPARE(files.size(), scenes.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        QVERIFY2(QFileInfo(files[i]).fileName().startsWith(
                     QStringLiteral("scene-%1-").arg(i + 1, 2, 10, QLatin1Char('0'))),
                 qPrintable(files[i]));
        QCOMPARE(QImage(files[i]).size(), r.size);
    }
}

void TestSceneDeck::noScenesIsAClearError()
{
    auto empty = Story::create(m_dir.filePath(QStringLiteral("empty.chronomap")), true);
    ExportRequest r;
    r.output = m_dir.filePath(QStringLiteral("none.pdf"));
    QString message;
    try {
        exportSceneDeck(*empty, r);
    } catch (const StoreError& e) {
        message = e.message();
    }
    QVERIFY2(message.contains(QStringLiteral("no scenes")), qPrintable(message));
    QVERIFY(!QFile::exists(r.output));
}

QTEST_MAIN(TestSceneDeck)
#include "tst_scenedeck.moc"
