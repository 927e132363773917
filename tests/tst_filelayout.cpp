// A layout a file brings (yEd's and yFiles' node geometry, a node table's x and y) is where
// the actor map starts, as Gephi's viz:position is: kept, not recomputed, no actor pinned, and
// "Lay Out Map Again" starts from it. Real files are read from ../shared/realworld where they
// are, never copied here.
#include "actormap/actormapchart.h"
#include "actormap/actormaplayer.h"
#include "interchange/interchange.h"
#include "query/selection.h"
#include "story/story.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

class TestFileLayout : public QObject
{
    Q_OBJECT

private slots:
    void layoutIsTheStart_data();
    void layoutIsTheStart();

private:
    QTemporaryDir m_dir;
};

void TestFileLayout::layoutIsTheStart_data()
{
    QTest::addColumn<QString>("input");    // a path, or a name under ../shared/realworld
    QTest::addColumn<QByteArray>("bytes"); // the file's bytes when written here
    QTest::newRow("yEd desktop") << QStringLiteral("graphml/yed-desktop-simplified.graphml")
                                 << QByteArray();
    QTest::newRow("yFiles for HTML")
        << QStringLiteral("graphml/yfiles-html-2.6.graphml") << QByteArray();
    QTest::newRow("node table") << QStringLiteral("nodes.csv")
                                << QByteArray("Id,Label,x,y\n"
                                              "p,Paris,10,-20\n"
                                              "b,Berlin,30.5,4\n"
                                              "r,Rome,-15,40\n"
                                              "m,Madrid,-40,-35\n");
}

void TestFileLayout::layoutIsTheStart()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, bytes);
    QString path = QStringLiteral(CHRONOMAP_REALWORLD "/") + input;
    if (!bytes.isEmpty()) {
        path = m_dir.filePath(input);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    } else if (!QFile::exists(path)) {
        QSKIP("../shared/realworld is not there");
    }
    const QString storyPath =
        m_dir.filePath(QFileInfo(input).baseName() + QStringLiteral(".chronomap"));
    {
        auto created = Story::create(storyPath, true);
        applyParsedImport(created->store(), parseImport(path));
    }
    auto story = Story::open(storyPath);
    const QList<Actor> actors = story->store().actors();
    QVERIFY(actors.size() >= 2);
    for (const Actor& a : actors) {
        QVERIFY2(!a.pinnedX && !a.pinnedY, qPrintable(a.name));
        QVERIFY2(filePosition(a), qPrintable(a.name));
    }

    Selection selection;
    ActorMapChart chart(story.get(), &selection);
    chart.setAnimated(false);
    chart.setSize(QSize(1200, 800));
    chart.layoutNow();
    QCOMPARE(chart.layoutRuns(), 0); // the file's layout, kept
    const MapScene& scene = chart.layer()->scene();
    for (const Actor& a : actors) {
        QCOMPARE(chart.positionOf(a.id), filePosition(a));
        QVERIFY(!(scene.nodes[std::size_t(chart.nodeOf(a.id))].flags & MapScene::NodePinned));
    }
    // Asked for a new layout, the map runs one from the file's picture; nothing gets pinned.
    chart.relayout();
    chart.layoutNow();
    QCOMPARE(chart.layoutRuns(), 1);
    for (const Actor& a : story->store().actors())
        QVERIFY(!a.pinnedX && !a.pinnedY);
}

QTEST_MAIN(TestFileLayout)
#include "tst_filelayout.moc"
