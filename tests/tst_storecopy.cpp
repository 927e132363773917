// copyStory (store/storecopy.h): a copied story keeps where its imported entries came from and
// their typed attributes, so that importing the same file into the copy updates, not doubles.
#include "interchangetest.h"

#include "interchange/interchange.h"
#include "store/storecopy.h"

using namespace chronomap;

// Declared before the fixtures: moc does not read past raw string literals.
class TestStoreCopy : public QObject
{
    Q_OBJECT

private slots:
    void copyKeepsOriginsAndAttributes();
};

namespace {

const QByteArray kGexf = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="mc" title="Modularity Class" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="w" title="strength" type="double"/>
    </attributes>
    <nodes>
      <node id="n1" label="Same"><attvalues><attvalue for="mc" value="3"/></attvalues></node>
      <node id="n2" label="Same"><attvalues><attvalue for="mc" value="4"/></attvalues></node>
      <node id="n3" label="Other"/>
    </nodes>
    <edges>
      <edge id="e1" source="n1" target="n2"><attvalues><attvalue for="w" value="0.25"/></attvalues></edge>
      <edge id="e2" source="n2" target="n3" type="undirected"/>
    </edges>
  </graph>
</gexf>
)";

} // namespace

void TestStoreCopy::copyKeepsOriginsAndAttributes()
{
    test::Stories stories;
    const QString input = stories.write(QStringLiteral("graph.gexf"), kGexf);
    const QString first = stories.path(QStringLiteral("first.chronomap"));
    {
        auto s = Store::open(first, Store::Mode::Create);
        const ImportSummary done = applyParsedImport(*s, parseImport(input));
        QCOMPARE(done.newActors, 3);
        QCOMPARE(done.newRelations, 2);
    }
    auto from = Store::open(first, Store::Mode::ReadOnly);
    QVERIFY(!from->allOrigins().isEmpty());
    const QString second = stories.path(QStringLiteral("second.chronomap"));
    copyStoryTo(*from, second);

    auto copy = Store::open(second, Store::Mode::ReadWrite);
    QCOMPARE(copy->allOrigins().size(), from->allOrigins().size());
    // Typed attributes came along, type and all.
    QList<qint64> classes;
    for (const Actor& a : copy->actors())
        if (const Attribute* mc = findAttribute(a.attributes, QStringLiteral("Modularity Class"))) {
            QCOMPARE(mc->type, AttributeType::Integer);
            classes << mc->value.toLongLong();
        }
    std::sort(classes.begin(), classes.end());
    QCOMPARE(classes, (QList<qint64>{3, 4}));
    bool strength = false;
    for (const Relation& r : copy->relations())
        if (const Attribute* w = findAttribute(r.attributes, QStringLiteral("strength"))) {
            QCOMPARE(w->type, AttributeType::Double);
            QCOMPARE(w->value, QStringLiteral("0.25"));
            strength = true;
        }
    QVERIFY(strength);

    // The same file into the copy: nothing new, everything recognised.
    const ImportSummary again = applyParsedImport(*copy, parseImport(input));
    QCOMPARE(again.newActors, 0);
    QCOMPARE(again.matchedActors, 0);
    QCOMPARE(again.newRelations, 0);
    QCOMPARE(again.unchanged, 5);
    QCOMPARE(copy->counts().actors, 3);
    QCOMPARE(copy->counts().relations, 2);

    // An updated file updates the copy's entries in place.
    QByteArray changed = kGexf;
    changed.replace(R"(<attvalue for="mc" value="4"/>)", R"(<attvalue for="mc" value="7"/>)");
    const QString updatedInput = stories.write(QStringLiteral("graph2.gexf"), changed);
    const ImportSummary update = applyParsedImport(*copy, parseImport(updatedInput));
    QCOMPARE(update.updated, 1);
    QCOMPARE(update.newActors, 0);
    QCOMPARE(copy->counts().actors, 3);
}

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "tst_storecopy.moc"
