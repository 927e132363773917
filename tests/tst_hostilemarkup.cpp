// Story text is text in the window (issue 16 §2). Qt guesses rich text in tooltips, labels,
// message boxes and item views' tooltips: a summary of <img src="/dev/zero"> would load a file
// (and grow until the program dies), <a href="javascript:..."> would be a live link, "&lt;"
// would show as "<". This test puts hostile markup in every field of every entity, opens the
// story in the window, and walks every tooltip and panel: every model's tooltips for all rows,
// every label and text view of the window, its docks and dialogs, the hover cards of the
// timeline and the actor map, the history, the present window, the export and import dialogs.
// Wherever Qt would read a text as rich text, our markup must not be in it as markup, and
// where the story's text is shown, it shows literally.
#include "actormap/actormapview.h"
#include "edit/edits.h"
#include "export/chartexport.h"
#include "export/exportdialog.h"
#include "inspector/detailspanel.h"
#include "interchange/importdialog.h"
#include "interchange/interchange.h"
#include "interchange/timelinejs.h"
#include "mainwindow.h"
#include "present/presentwindow.h"
#include "present/scenescontroller.h"
#include "present/scenespanel.h"
#include "query/selection.h"
#include "search/searchpanel.h"
#include "store/store.h"
#include "story/story.h"
#include "text/storytext.h"
#include "timeline/timelineview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QToolTip>
#include <QXmlStreamReader>

using namespace chronomap;

namespace {

// The payload: two images (one that never ends), a script link, bold, a style sheet and an
// escaped "<" that must stay "&lt;" on screen. `n` tells the fields apart: "B<n>" is the bold
// word, which must never show without its tags around it.
QString hostile(int n)
{
    return QStringLiteral("<img src=\"/dev/zero\"><img src=\"file:///etc/passwd\">"
                          "<a href=\"javascript:alert(%1)\">L%1</a><b>B%1</b>"
                          "<style>*{color:red}</style> &lt;E%1&gt;")
        .arg(n);
}

// Where a text was found, for the failure message.
struct Seen
{
    QString where;
    QString text;
    bool rich = false;
};

// True when Qt would lay `text` out as rich text with `format`.
bool takenAsRich(const QString& text, Qt::TextFormat format)
{
    return format == Qt::RichText || format == Qt::MarkdownText ||
           (format == Qt::AutoText && Qt::mightBeRichText(text));
}

// What the user reads: the text itself, or what rich text makes of it.
QString rendered(const QString& text, bool rich)
{
    if (!rich)
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

// An image or a link to anything but our own "chronomap:" and http(s) links in a document.
QString liveInDocument(const QTextDocument& doc)
{
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat())
                return QStringLiteral("an image: ") + f.toImageFormat().name();
            if (f.isAnchor()) {
                const QString href = f.anchorHref();
                if (!href.startsWith(QLatin1String("chronomap:")) &&
                    !href.startsWith(QLatin1String("https:")) &&
                    !href.startsWith(QLatin1String("http:")))
                    return QStringLiteral("a link to ") + href;
            }
        }
    return {};
}

} // namespace

class TestHostileMarkup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void windowShowsStoryTextAsText();
    void hoverCardsShowStoryTextAsText();
    void dialogsShowStoryTextAsText();
    void messageBoxesShowTextAsText();
    void helpersEscape();
    void svgExportHoldsNoLiveMarkup_data();
    void svgExportHoldsNoLiveMarkup();

private:
    // Checks one shown text; `literal` when the whole field is shown (not a search snippet).
    void check(const QString& where, const QString& text, Qt::TextFormat format,
               bool literal = true);
    void checkWidgetTree(const QWidget* root);
    void checkModel(const QString& where, const QAbstractItemModel* model,
                    const QModelIndex& parent = {});
    void checkToolTipShown(const QString& where);
    void visitEverything(MainWindow& window);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    int m_checked = 0;
    QSet<int> m_fieldsSeen; // the n of every hostile(n) seen shown
    Id m_event = 0, m_actor = 0, m_relation = 0, m_source = 0;
};

void TestHostileMarkup::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ChronomapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostilemarkup"));
    m_path = m_dir.filePath(QStringLiteral("hostile.chronomap"));
    auto s = Store::open(m_path, Store::Mode::Create);
    int n = 0;
    s->setMeta(QStringLiteral("title"), hostile(++n));                                     // 1
    s->setMeta(QStringLiteral("description"), hostile(++n));                               // 2
    const Id category = s->insertCategory(Category{0, hostile(++n), QColor(0x0072b2), 0}); // 3
    Actor a;
    a.name = hostile(++n);        // 4
    a.role = hostile(++n);        // 5
    a.description = hostile(++n); // 6
    m_actor = s->insertActor(a);
    Actor b;
    b.name = hostile(++n); // 7
    b.kind = ActorKind::Organization;
    const Id other = s->insertActor(b);
    Relation r;
    r.sourceId = m_actor;
    r.targetId = other;
    r.type = hostile(++n);        // 8
    r.description = hostile(++n); // 9
    r.valid = PartialDate::fromEdtf(QStringLiteral("2025-10"));
    m_relation = s->insertRelation(r);
    Event e;
    e.title = hostile(++n);       // 10
    e.summary = hostile(++n);     // 11
    e.location = hostile(++n);    // 12
    e.displayDate = hostile(++n); // 13
    e.uid = hostile(++n);         // 14
    e.tags = {hostile(++n)};      // 15
    e.categoryId = category;
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-24/2025-10-26"));
    e.actors = {Participation{m_actor, hostile(++n)}, Participation{other, QString()}}; // 16
    m_event = s->insertEvent(e);
    Event f;
    f.title = QStringLiteral("A plain neighbour");
    f.summary = QStringLiteral("A < B & C &lt; D");
    f.date = PartialDate::fromEdtf(QStringLiteral("2025-08-15"));
    f.categoryId = category;
    s->insertEvent(f);
    Source src;
    src.title = hostile(++n);                                         // 17
    src.publisher = hostile(++n);                                     // 18
    src.url = QStringLiteral("javascript:alert(1)//") + hostile(++n); // 19
    src.text = hostile(++n);                                          // 20
    src.date = hostile(++n);                                          // 21
    m_source = s->insertSource(src);
    Citation c;
    c.sourceId = m_source;
    c.target = {EntityKind::Event, m_event};
    c.quote = hostile(++n);                                                          // 22
    c.locator = timelineJsMediaLocator() + QStringLiteral("\nurl: ") + hostile(++n); // 23
    s->insertCitation(c);
    c.target = {EntityKind::Actor, m_actor};
    c.locator = hostile(++n); // 24
    s->insertCitation(c);
    c.target = {EntityKind::Relation, m_relation};
    s->insertCitation(c);
    Annotation note;
    note.target = {EntityKind::Event, m_event};
    note.author = hostile(++n); // 25
    note.body = hostile(++n);   // 26
    note.created = QStringLiteral("2025-10-25T10:00:00Z");
    const Id first = s->insertAnnotation(note);
    note.parentId = first;
    note.body = hostile(++n); // 27
    s->insertAnnotation(note);
    note.parentId = 0;
    note.target = {EntityKind::Actor, m_actor};
    s->insertAnnotation(note);
    Scene scene;
    scene.name = hostile(++n);    // 28
    scene.caption = hostile(++n); // 29
    scene.state = QStringLiteral("{}");
    s->insertScene(scene);
    s->insertEra(
        Era{0, hostile(++n), PartialDate::fromEdtf(QStringLiteral("2025")), QColor()}); // 30
    ChangeRecord change;
    change.at = QStringLiteral("2025-10-25T10:00:00Z");
    change.author = hostile(++n); // 31
    change.action = QStringLiteral("update");
    change.target = {EntityKind::Event, m_event};
    change.before =
        QStringLiteral("{\"title\":\"%1\"}").arg(hostile(++n).replace(u'"', u'\'')); // 32
    change.after =
        QStringLiteral("{\"title\":\"%1\"}").arg(hostile(++n).replace(u'"', u'\'')); // 33
    s->logChange(change);
}

void TestHostileMarkup::init()
{
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openStory(m_path));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHostileMarkup::cleanup()
{
    QToolTip::hideText();
    m_window.reset();
}

void TestHostileMarkup::check(const QString& where, const QString& text, Qt::TextFormat format,
                              bool literal)
{
    if (text.isEmpty())
        return;
    ++m_checked;
    const bool rich = takenAsRich(text, format);
    if (rich) {
        // Our markup must not reach Qt's HTML as markup.
        for (const char* raw : {"<img", "<style", "<a href=\"javascript", "<b>B", "&lt;E"})
            QVERIFY2(!text.contains(QLatin1String(raw), Qt::CaseInsensitive),
                     qPrintable(where + QStringLiteral(" shows markup as rich text: ") + text));
        QTextDocument doc;
        doc.setHtml(text);
        const QString live = liveInDocument(doc);
        QVERIFY2(live.isEmpty(), qPrintable(where + QStringLiteral(" holds ") + live));
    }
    // What is shown of a field shows as typed: the bold word with its tags, "&lt;" as "&lt;".
    const QString shown = rendered(text, rich);
    static const QRegularExpression bold(QStringLiteral("B(\\d+)"));
    for (auto it = bold.globalMatch(shown); it.hasNext();) {
        const auto m = it.next();
        m_fieldsSeen.insert(m.captured(1).toInt());
        if (!literal)
            continue;
        QVERIFY2(QStringView(shown).mid(0, m.capturedStart()).endsWith(QLatin1String("<b>")),
                 qPrintable(where + QStringLiteral(" lost the markup around ") + m.captured() +
                            QStringLiteral(": ") + shown));
    }
    static const QRegularExpression escaped(QStringLiteral("E(\\d+)&gt;"));
    for (auto it = escaped.globalMatch(shown); it.hasNext();) {
        const auto m = it.next();
        if (literal)
            QVERIFY2(QStringView(shown).mid(0, m.capturedStart()).endsWith(QLatin1String("&lt;")),
                     qPrintable(where + QStringLiteral(" turned &lt; into <: ") + shown));
    }
}

void TestHostileMarkup::checkModel(const QString& where, const QAbstractItemModel* model,
                                   const QModelIndex& parent)
{
    // Search results show a window of the text around the match: checked for markup only.
    const bool literal = !where.contains(QLatin1String("search"), Qt::CaseInsensitive);
    for (int r = 0; r < model->rowCount(parent); ++r)
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex i = model->index(r, c, parent);
            const QString at = QStringLiteral("%1 row %2 column %3").arg(where).arg(r).arg(c);
            check(at + QStringLiteral(" tooltip"), i.data(Qt::ToolTipRole).toString(), Qt::AutoText,
                  literal);
            check(at + QStringLiteral(" whatsthis"), i.data(Qt::WhatsThisRole).toString(),
                  Qt::AutoText, literal);
            // Views draw DisplayRole as plain text: it must hold the text as it is.
            check(at, i.data(Qt::DisplayRole).toString(), Qt::PlainText, literal);
            if (model->hasChildren(i) && c == 0)
                checkModel(where, model, i);
        }
}

void TestHostileMarkup::checkWidgetTree(const QWidget* root)
{
    QList<const QWidget*> widgets{root};
    for (const QWidget* w : root->findChildren<QWidget*>())
        widgets << w;
    for (const QWidget* w : std::as_const(widgets)) {
        const QString name =
            QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
        check(name + QStringLiteral(" tooltip"), w->toolTip(), Qt::AutoText);
        check(name + QStringLiteral(" whatsthis"), w->whatsThis(), Qt::AutoText);
        check(name + QStringLiteral(" status tip"), w->statusTip(), Qt::PlainText);
        if (const auto* label = qobject_cast<const QLabel*>(w))
            check(name, label->text(), label->textFormat());
        if (const auto* edit = qobject_cast<const QTextEdit*>(w)) {
            const QString live = liveInDocument(*edit->document());
            QVERIFY2(live.isEmpty(), qPrintable(name + QStringLiteral(" holds ") + live));
            check(name, edit->toPlainText(), Qt::PlainText);
        }
        if (const auto* view = qobject_cast<const QAbstractItemView*>(w))
            if (view->model())
                checkModel(name, view->model());
    }
    // Toolbar and tool-button actions show their tooltips too.
    for (const QAction* a : root->findChildren<QAction*>())
        check(QStringLiteral("action ") + a->objectName() + QStringLiteral(" tooltip"),
              a->toolTip(), Qt::AutoText);
}

void TestHostileMarkup::checkToolTipShown(const QString& where)
{
    if (QToolTip::isVisible())
        check(where, QToolTip::text(), Qt::AutoText);
}

void TestHostileMarkup::visitEverything(MainWindow& window)
{
    checkWidgetTree(&window);
    // The details panel and its history, for each kind of entry.
    auto* tabs = window.detailsPanel()->findChild<QTabWidget*>();
    QVERIFY(tabs);
    for (const EntityRef ref :
         {EntityRef{EntityKind::Event, m_event}, EntityRef{EntityKind::Actor, m_actor},
          EntityRef{EntityKind::Relation, m_relation}, EntityRef{EntityKind::Source, m_source}}) {
        window.selection()->setCurrent(ref);
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            checkWidgetTree(window.detailsPanel());
        }
        tabs->setCurrentIndex(0);
    }
}

void TestHostileMarkup::windowShowsStoryTextAsText()
{
    MainWindow& window = *m_window;
    // The events table's tooltips: the bug as reported.
    const QAbstractItemModel* table = window.eventTable()->model();
    QVERIFY(table->rowCount() >= 2);
    visitEverything(window);
    // Search: every kind of hit (events, actors, sources, notes).
    window.searchPanel()->setQuery(QStringLiteral("passwd"));
    QVERIFY(window.searchPanel()->findChild<QAbstractItemView*>()->model()->rowCount() >= 4);
    checkWidgetTree(window.searchPanel());
    // Filters as chips: actor and category names.
    window.selection()->selectActors({m_actor});
    checkWidgetTree(&window);
    // The scene's caption under the list.
    auto* scenes = window.findChild<ScenesController*>();
    QVERIFY(scenes);
    scenes->panel()->list()->setCurrentRow(0);
    checkWidgetTree(scenes->panel());
    // An edit puts story text into the undo texts.
    Event added;
    added.title = hostile(90);
    added.summary = hostile(91);
    added.date = PartialDate::fromEdtf(QStringLiteral("2025-09"));
    auto* rename = makeInsert(window.story(), added);
    QVERIFY(EditGuard::push(window.story(), rename));
    visitEverything(window);
    // Every field that a panel shows was seen (the test cannot pass by looking nowhere).
    QStringList unseen;
    for (int n : {3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 15, 16,
                  17, 18, 20, 22, 25, 26, 27, 28, 29, 31, 32, 33})
        if (!m_fieldsSeen.contains(n))
            unseen << QString::number(n);
    QVERIFY2(unseen.isEmpty(), qPrintable(QStringLiteral("fields never shown: ") +
                                          unseen.join(QStringLiteral(", "))));
    QVERIFY(m_checked > 200);
}

void TestHostileMarkup::hoverCardsShowStoryTextAsText()
{
    MainWindow& window = *m_window;
    // Timeline: hover each event where it was drawn.
    TimelineView* timeline = window.timeline();
    timeline->fitStory();
    QApplication::processEvents();
    int hovered = 0;
    for (const Event& e : window.story()->store().events()) {
        const QRectF r = timeline->eventRect(e.id);
        if (r.isEmpty())
            continue;
        timeline->hoverAt(r.center(), true);
        checkToolTipShown(QStringLiteral("timeline card of event %1").arg(e.id));
        ++hovered;
    }
    QVERIFY(hovered >= 1);
    QVERIFY(m_fieldsSeen.contains(10)); // the hostile title, shown as text
    // Actor map: the cards of every actor and relation.
    ActorMapView* map = window.actorMap();
    for (const Actor& a : window.story()->store().actors())
        check(QStringLiteral("actor card %1").arg(a.id), map->actorCard(a.id), Qt::AutoText);
    for (int edge = 0; edge < 8; ++edge)
        check(QStringLiteral("relation card %1").arg(edge), map->relationCard(edge), Qt::AutoText);
    QVERIFY(m_fieldsSeen.contains(4));
    QVERIFY(m_fieldsSeen.contains(8));
}

void TestHostileMarkup::dialogsShowStoryTextAsText()
{
    MainWindow& window = *m_window;
    // Present: the scene's name and caption, full size.
    auto* scenes = window.findChild<ScenesController*>();
    QVERIFY(scenes);
    PresentWindow* present = scenes->present(false);
    QVERIFY(present);
    checkWidgetTree(present);
    QVERIFY(m_fieldsSeen.contains(28) && m_fieldsSeen.contains(29));
    present->close();
    // Export: the preview's title, subtitle and footer come from the story.
    {
        ExportDialog dialog(window.story(), window.selection(), QStringLiteral("timeline"), {},
                            &window);
        checkWidgetTree(&dialog);
    }
    // Import preview: a sheet with hostile headers, cells and file name.
    const QString csv = m_dir.filePath(QStringLiteral("<img src=x><b>B70<b> &lt;E70&gt;.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("title,date,summary,category\n\"%1\",2025-10-01,\"%2\",\"%3\"\n")
                .arg(hostile(71).replace(u'"', u'\''), hostile(72).replace(u'"', u'\''),
                     hostile(73).replace(u'"', u'\''))
                .toUtf8());
    f.close();
    {
        ImportDialog dialog(parseImportForPreview(csv), window.story()->store(), &window);
        checkWidgetTree(&dialog);
        QVERIFY(m_fieldsSeen.contains(70) && m_fieldsSeen.contains(71));
    }
    // A sheet whose columns do not fit: the message quotes the file.
    QFile g(m_dir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(QStringLiteral("\"%1\",\"%2\"\nx,y\n")
                .arg(hostile(74).replace(u'"', u'\''), hostile(75).replace(u'"', u'\''))
                .toUtf8());
    g.close();
    try {
        ImportDialog dialog(parseImportForPreview(g.fileName()), window.story()->store(), &window);
        checkWidgetTree(&dialog);
    } catch (const StoreError& e) {
        QVERIFY(!e.message().isEmpty()); // refused outright: nothing shown
    }
}

// Messages quote files and stories: they show as text.
void TestHostileMarkup::messageBoxesShowTextAsText()
{
    QString seen;
    Qt::TextFormat format = Qt::RichText;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        format = box->textFormat();
        seen = box->text();
        box->done(QMessageBox::Ok);
    });
    warnPlain(m_window.get(), QStringLiteral("t"), hostile(80));
    QCOMPARE(seen, hostile(80));
    QCOMPARE(format, Qt::PlainText);
    // Input dialogs whose prompt names a scene or an author.
    for (const bool multiLine : {false, true}) {
        seen.clear();
        format = Qt::RichText;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            const auto* label = dialog->findChild<QLabel*>();
            format = label ? label->textFormat() : Qt::RichText;
            seen = label ? label->text() : QString();
            dialog->reject();
        });
        if (multiLine)
            askMultiLineText(m_window.get(), QStringLiteral("t"), hostile(82), hostile(83));
        else
            askText(m_window.get(), QStringLiteral("t"), hostile(82), hostile(83));
        QCOMPARE(seen, hostile(82));
        QCOMPARE(format, Qt::PlainText);
    }
}

void TestHostileMarkup::helpersEscape()
{
    const QString tip = plainToolTip(hostile(81));
    check(QStringLiteral("plainToolTip"), tip, Qt::AutoText);
    QCOMPARE(rendered(tip, takenAsRich(tip, Qt::AutoText)), hostile(81));
    // A tooltip keeps its lines, and "a < b" stays as typed.
    QCOMPARE(rendered(plainToolTip(QStringLiteral("a < b\n&lt; c")), true),
             QStringLiteral("a < b\n&lt; c"));
    QVERIFY(plainToolTip(QString()).isEmpty());
    QCOMPARE(escapedHtml(QStringLiteral("<a href='x'>&")),
             QStringLiteral("&lt;a href=&#39;x&#39;&gt;&amp;"));
}

// A published SVG chart is a web page too: story text in it (title, labels, sources line)
// is text, never an element or an attribute.
void TestHostileMarkup::svgExportHoldsNoLiveMarkup_data()
{
    QTest::addColumn<QString>("view");
    QTest::newRow("timeline") << QStringLiteral("timeline");
    QTest::newRow("actor map") << QStringLiteral("actors");
}

void TestHostileMarkup::svgExportHoldsNoLiveMarkup()
{
    QFETCH(QString, view);
    ExportRequest r;
    r.output = m_dir.filePath(view + QStringLiteral(".svg"));
    r.view = view;
    r.title = QStringLiteral("</title><script>alert(1)</script>") + hostile(84);
    r.subtitle = hostile(85);
    r.caption = hostile(86);
    r.credit = hostile(87);
    exportChart(*m_window->story(), r);
    QFile f(r.output);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    QXmlStreamReader xml(svg);
    int elements = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        ++elements;
        const QString name = xml.name().toString().toLower();
        for (const char* bad : {"script", "img", "foreignobject", "iframe", "a", "style"})
            QVERIFY2(name != QLatin1String(bad),
                     qPrintable(QStringLiteral("<%1> in the SVG").arg(name)));
        for (const QXmlStreamAttribute& a : xml.attributes())
            QVERIFY2(!a.name().startsWith(QLatin1String("on"), Qt::CaseInsensitive),
                     qPrintable(a.name().toString()));
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(elements > 10);
    QVERIFY(svg.contains("&lt;script&gt;alert(1)"));
}

QTEST_MAIN(TestHostileMarkup)
#include "tst_hostilemarkup.moc"
