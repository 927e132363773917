// Typed attributes in the inspector (inspector/attributesdialog.h, DetailsPanel::setAttributes):
// each type has an editor that fits it, a value that does not fit is refused, timed values
// are kept, and an edit of an event's, actor's or relation's attributes is one undo step that
// the data exports carry with its type.
#include "inspector/attributesdialog.h"
#include "inspector/detailspanel.h"
#include "interchange/interchange.h"
#include "query/selection.h"
#include "story/story.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace chronomap;

namespace {

Attributes sample()
{
    return {
        Attribute{QStringLiteral("Modularity Class"), AttributeType::Integer, QStringLiteral("3")},
        Attribute{QStringLiteral("score"), AttributeType::Double, QStringLiteral("0.5")},
        Attribute{QStringLiteral("checked"), AttributeType::Boolean, QStringLiteral("true")},
        Attribute{QStringLiteral("since"), AttributeType::Date, QStringLiteral("2025-10")},
        Attribute{QStringLiteral("tags"), AttributeType::List, QStringLiteral("a|b")},
        Attribute{QStringLiteral("note"), AttributeType::String, QStringLiteral("«x»")},
    };
}

const Attributes* attributesOf(const Entity& e)
{
    if (const auto* ev = std::get_if<Event>(&e))
        return &ev->attributes;
    if (const auto* a = std::get_if<Actor>(&e))
        return &a->attributes;
    if (const auto* r = std::get_if<Relation>(&e))
        return &r->attributes;
    return nullptr;
}

} // namespace

class TestAttributesDialog : public QObject
{
    Q_OBJECT

private slots:
    void editorsFitTheirTypes()
    {
        Attributes list = sample();
        list.append(
            Attribute{QStringLiteral("Weight"),
                      AttributeType::Integer,
                      QString(),
                      {{QStringLiteral("1"), QStringLiteral("2020"), QStringLiteral("2021")}}});
        AttributesDialog dialog(list);
        QCOMPARE(dialog.table()->rowCount(), 7);
        QVERIFY(qobject_cast<QCheckBox*>(dialog.valueEditor(2)));
        auto* integer = qobject_cast<QLineEdit*>(dialog.valueEditor(0));
        QVERIFY(integer && integer->validator());
        QVERIFY(dialog.problem().isEmpty());
        QCOMPARE(*dialog.attributes(), list); // as it came, timed values included

        dialog.setRowValue(1, QStringLiteral("many"));
        QVERIFY(dialog.problem().contains(QLatin1String("score")));
        QVERIFY(!dialog.attributes());
        dialog.setRowValue(1, QStringLiteral("2.25"));
        dialog.setRowValue(3, QStringLiteral("sometime"));
        QVERIFY(!dialog.attributes());
        dialog.setRowValue(3, QStringLiteral("2025-11-02"));
        dialog.setRowValue(2, QStringLiteral("false"));
        const auto edited = dialog.attributes();
        QVERIFY(edited);
        QCOMPARE(edited->at(1).value, QStringLiteral("2.25"));
        QCOMPARE(edited->at(2).value, QStringLiteral("false"));
        QCOMPARE(edited->at(3).value, QStringLiteral("2025-11-02"));

        // Retyped: the editor follows, the value is checked against the new type.
        dialog.setRowType(5, AttributeType::Integer);
        QVERIFY(!dialog.attributes());
        dialog.setRowValue(5, QStringLiteral("12"));
        QCOMPARE(dialog.attributes()->at(5),
                 (Attribute{QStringLiteral("note"), AttributeType::Integer, QStringLiteral("12")}));
        dialog.setRowType(2, AttributeType::String);
        QVERIFY(qobject_cast<QLineEdit*>(dialog.valueEditor(2)));
        QCOMPARE(dialog.attributes()->at(2).value, QStringLiteral("false"));

        // A new attribute, and a name given twice.
        dialog.addRow(
            Attribute{QStringLiteral("party"), AttributeType::String, QStringLiteral("Greens")});
        QCOMPARE(dialog.attributes()->size(), 8);
        dialog.addRow(
            Attribute{QStringLiteral("party"), AttributeType::String, QStringLiteral("again")});
        QVERIFY(!dialog.attributes());
        QVERIFY(dialog.problem().contains(QLatin1String("party")));
    }

    void panelEditsAllThreeKindsUndoably()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.chronomap"));
        Story::create(path);
        auto story = Story::open(path);
        Selection selection;
        DetailsPanel panel(story.get(), &selection);
        const Store& store = story->store();
        const QList<EntityRef> refs = {
            {EntityKind::Event, store.events().first().id},
            {EntityKind::Actor, store.actors().first().id},
            {EntityKind::Relation, store.relations().first().id},
        };
        for (const EntityRef& ref : refs) {
            selection.setCurrent(ref);
            const auto before = readEntity(store, ref);
            QVERIFY(before);
            const int steps = story->undoStack()->count();
            QVERIFY(panel.setAttributes(sample()));
            QCOMPARE(story->undoStack()->count(), steps + 1);
            const auto after = readEntity(store, ref);
            QCOMPARE(*attributesOf(*after), sample());
            // Shown with its type.
            QVERIFY(panel.html().contains(QLatin1String("Modularity Class")));
            QVERIFY(panel.html().contains(QLatin1String("integer")));
            story->undoStack()->undo();
            QVERIFY(readEntity(store, ref) == before);
            story->undoStack()->redo();
            QCOMPARE(*attributesOf(*readEntity(store, ref)), sample());
        }

        // Out with their types: events in the events sheet and Chronomap JSON, actors and
        // relations in GEXF, GraphML, the node and edge sheets and Chronomap JSON.
        const QString sheet = QString::fromUtf8(exportBytes(store, QStringLiteral("events-csv")));
        QVERIFY(sheet.contains(QLatin1String("Modularity Class:integer")));
        QVERIFY(sheet.contains(QLatin1String("since:date")));
        const QString whole = QString::fromUtf8(exportBytes(store, QStringLiteral("chronomap")));
        QCOMPARE(whole.count(QLatin1String("\"Modularity Class\": {\"type\": \"integer\"")), 3);
        const QString gexf = QString::fromUtf8(exportBytes(store, QStringLiteral("gexf")));
        QCOMPARE(gexf.count(QLatin1String("title=\"Modularity Class\" type=\"integer\"")), 2);
        const QString graphml = QString::fromUtf8(exportBytes(store, QStringLiteral("graphml")));
        QVERIFY(graphml.count(QLatin1String("attr.name=\"Modularity Class\"")) == 2);
        QVERIFY(graphml.contains(QLatin1String("attr.type=\"boolean\"")));
        for (const QString& format : {QStringLiteral("nodes-csv"), QStringLiteral("edges-csv")}) {
            const QString table = QString::fromUtf8(exportBytes(store, format));
            QVERIFY2(table.contains(QLatin1String("Modularity Class:integer")), qPrintable(format));
        }
    }
};

QTEST_MAIN(TestAttributesDialog)
#include "tst_attributesdialog.moc"
