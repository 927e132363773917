#include "export/exportdialog.h"
#include "query/selection.h"
#include "story/story.h"

#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

// The Export dialog: its preview is drawn by the code that writes the file (the same pixels
// at the same size), follows the controls, and the presets set the exact size.
class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void previewEqualsWrittenImage_data();
    void previewEqualsWrittenImage();
    void themeChangesPreview();
    void presetsSetSize();
    void takesWindowState();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story;
    Selection m_state;
};

void TestExportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_story = Story::create(m_dir.filePath(QStringLiteral("seed.chronomap")));
}

void TestExportDialog::previewEqualsWrittenImage_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("theme");
    QTest::newRow("timeline light") << QStringLiteral("timeline") << QStringLiteral("light");
    QTest::newRow("timeline print") << QStringLiteral("timeline") << QStringLiteral("print");
    QTest::newRow("actors dark") << QStringLiteral("actors") << QStringLiteral("dark");
}

void TestExportDialog::previewEqualsWrittenImage()
{
    QFETCH(QString, view);
    QFETCH(QString, theme);
    ExportDialog dialog(m_story.get(), &m_state, view, std::nullopt);
    ExportRequest r = dialog.request();
    r.output = m_dir.filePath(QStringLiteral("preview.png"));
    r.size = QSize(900, 500);
    r.scale = 1;
    r.theme = theme;
    r.title = QStringLiteral("Preview check");
    r.caption = QStringLiteral("What the dialog shows is what is written.");
    r.publishSafe = ExportRequest::PublishSafe::Mark;
    dialog.setRequest(r);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QImage written(r.output);
    QCOMPARE(written.size(), r.size);
    const QImage preview = dialog.render(r.size);
    if (qEnvironmentVariableIsSet("EXPORT_DEBUG"))
        preview.save(QStringLiteral("/tmp/exp/preview-%1.png").arg(view));
    QCOMPARE(preview.convertToFormat(QImage::Format_RGB32),
             written.convertToFormat(QImage::Format_RGB32));
}

void TestExportDialog::themeChangesPreview()
{
    ExportDialog dialog(m_story.get(), &m_state, QStringLiteral("timeline"), std::nullopt);
    dialog.updatePreview();
    const QImage light = dialog.previewImage();
    QVERIFY(!light.isNull());
    auto* theme = dialog.findChildren<QComboBox*>().value(0);
    for (QComboBox* box : dialog.findChildren<QComboBox*>())
        if (box->findData(QStringLiteral("dark")) >= 0)
            theme = box;
    theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
    dialog.updatePreview();
    const QImage dark = dialog.previewImage();
    QCOMPARE(dark.size(), light.size());
    QVERIFY(dark != light);
    QVERIFY(dark.pixelColor(1, 1).lightnessF() < 0.3);
    QVERIFY(light.pixelColor(1, 1).lightnessF() > 0.8);
}

void TestExportDialog::presetsSetSize()
{
    ExportDialog dialog(m_story.get(), &m_state, QStringLiteral("timeline"), std::nullopt);
    QComboBox* preset = nullptr;
    for (QComboBox* box : dialog.findChildren<QComboBox*>())
        if (box->findData(QSize(3840, 2160)) >= 0)
            preset = box;
    QVERIFY(preset);
    const auto presets = ExportDialog::presets();
    for (int i = 0; i < presets.size(); ++i) {
        if (!presets[i].second.isValid())
            continue;
        preset->setCurrentIndex(i);
        QCOMPARE(dialog.request().size, presets[i].second);
    }
    preset->setCurrentIndex(preset->findData(QSize(3840, 2160)));
    QCOMPARE(dialog.request().scale, 2.0); // 4K type for a 4K canvas
    // A size typed in that is no preset shows as Custom.
    dialog.findChildren<QSpinBox*>().value(0)->setValue(1000);
    QVERIFY(!preset->currentData().toSize().isValid());
}

void TestExportDialog::takesWindowState()
{
    Selection state;
    state.setTimeWindow(1700000000, 1760000000);
    ExportDialog dialog(m_story.get(), &state, QStringLiteral("actors"), LaneMode::Actor);
    const ExportRequest r = dialog.request();
    QCOMPARE(r.state, &state);
    QCOMPARE(r.view, QStringLiteral("actors"));
    QVERIFY(r.laneMode && *r.laneMode == LaneMode::Actor);
    QCOMPARE(int(r.publishSafe), int(ExportRequest::PublishSafe::Mark)); // on by default
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
