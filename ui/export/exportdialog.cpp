#include "exportdialog.h"

#include "chartcomposer.h"
#include "story/story.h"
#include "text/storytext.h"
#include "theme/charttheme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace chronomap {

namespace {

constexpr QSize kPreviewBox(640, 420);

// Format combo entries: label and file suffix.
const QList<std::pair<QString, QString>>& formats()
{
    static const QList<std::pair<QString, QString>> list = {
        {QStringLiteral("PNG"), QStringLiteral("png")},
        {QStringLiteral("JPEG"), QStringLiteral("jpg")},
        {QStringLiteral("SVG"), QStringLiteral("svg")},
        {QStringLiteral("PDF"), QStringLiteral("pdf")}};
    return list;
}

} // namespace

QList<std::pair<QString, QSize>> ExportDialog::presets()
{
    return {{tr("1920 × 1080 (Full HD)"), QSize(1920, 1080)},
            {tr("3840 × 2160 (4K)"), QSize(3840, 2160)},
            {tr("1080 × 1920 (portrait, social)"), QSize(1080, 1920)},
            {tr("1200 × 675 (social card)"), QSize(1200, 675)},
            {tr("A4 landscape (842 × 595 pt)"), QSize(842, 595)},
            {tr("Custom"), QSize()}};
}

ExportDialog::ExportDialog(Story* story, const Selection* state, const QString& view,
                           std::optional<LaneMode> lanes, QWidget* parent)
    : QDialog(parent), m_story(story), m_state(state), m_lanes(lanes)
{
    setWindowTitle(tr("Export Chart"));
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(200);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreview);
    buildUi();
    m_view->setCurrentIndex(view == QLatin1String("actors") ? 1 : 0);
    updatePreview();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::buildUi()
{
    auto* form = new QFormLayout;
    m_view = new QComboBox(this);
    m_view->addItem(tr("Timeline"), QStringLiteral("timeline"));
    m_view->addItem(tr("Actor map"), QStringLiteral("actors"));
    form->addRow(tr("&Chart:"), m_view);

    m_format = new QComboBox(this);
    for (const auto& [label, suffix] : formats())
        m_format->addItem(label, suffix);
    form->addRow(tr("&Format:"), m_format);

    m_preset = new QComboBox(this);
    for (const auto& [label, size] : presets())
        m_preset->addItem(label, size);
    form->addRow(tr("Si&ze:"), m_preset);
    auto* sizeRow = new QHBoxLayout;
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(16, 16384);
        box->setSuffix(tr(" px"));
    }
    m_width->setAccessibleName(tr("Width"));
    m_height->setAccessibleName(tr("Height"));
    m_width->setValue(1920);
    m_height->setValue(1080);
    m_scale = new QDoubleSpinBox(this);
    m_scale->setRange(0.25, 8);
    m_scale->setSingleStep(0.25);
    m_scale->setValue(1);
    m_scale->setPrefix(tr("type × "));
    m_scale->setAccessibleName(tr("Scale"));
    m_scale->setToolTip(tr("Larger type and lines, same canvas"));
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(m_scale);
    form->addRow(QString(), sizeRow);

    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->addItem(tr("Print (greyscale-safe)"), QStringLiteral("print"));
    m_theme->addItem(tr("Broadcast (large type)"), QStringLiteral("broadcast"));
    form->addRow(tr("&Theme:"), m_theme);

    m_title = new QLineEdit(this);
    m_subtitle = new QLineEdit(this);
    m_caption = new QLineEdit(this);
    m_credit = new QLineEdit(this);
    m_title->setPlaceholderText(tr("Headline over the chart"));
    m_credit->setPlaceholderText(tr("Chart: name / newsroom"));
    form->addRow(tr("T&itle:"), m_title);
    form->addRow(tr("S&ubtitle:"), m_subtitle);
    form->addRow(tr("Ca&ption:"), m_caption);
    form->addRow(tr("Cre&dit:"), m_credit);
    m_sources = new QCheckBox(tr("&Sources line from the citations of what is shown"), this);
    m_sources->setChecked(true);
    m_legend = new QCheckBox(tr("&Legend"), this);
    m_legend->setChecked(true);
    form->addRow(QString(), m_sources);
    form->addRow(QString(), m_legend);
    m_publishSafe = new QComboBox(this);
    m_publishSafe->addItem(tr("Mark entries not cleared for publication (\u26a0, hatched)"),
                           int(ExportRequest::PublishSafe::Mark));
    m_publishSafe->addItem(tr("Leave out entries not cleared for publication"),
                           int(ExportRequest::PublishSafe::Omit));
    m_publishSafe->addItem(tr("Off: show every entry as it is"),
                           int(ExportRequest::PublishSafe::Off));
    form->addRow(tr("P&ublish-safe:"), m_publishSafe);

    auto* outputRow = new QHBoxLayout;
    m_output = new QLineEdit(this);
    m_output->setText(QDir::home().filePath(QFileInfo(m_story->path()).completeBaseName() +
                                            QStringLiteral(".png")));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browse);
    // A row of several widgets: the label needs its buddy, or it shows the "&" as written.
    auto* outputLabel = new QLabel(tr("Save &to:"), this);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, outputRow);

    m_previewLabel = plainLabel(new QLabel(this)); // a pixmap, or why there is none
    m_previewLabel->setMinimumSize(kPreviewBox);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setAccessibleName(tr("Preview"));
    m_note = plainLabel(new QLabel(this)); // the footer: story text
    m_note->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* side = new QVBoxLayout;
    side->addWidget(m_previewLabel, 1);
    side->addWidget(m_note);
    auto* columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addLayout(side, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::presetChosen);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const QFileInfo info(m_output->text());
        m_output->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') +
                                              m_format->currentData().toString()));
    });
    for (QComboBox* box : {m_view, m_theme, m_publishSafe})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::schedulePreview);
    for (QSpinBox* box : {m_width, m_height})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            const QSize size(m_width->value(), m_height->value());
            const int match = m_preset->findData(size);
            const QSignalBlocker block(m_preset);
            m_preset->setCurrentIndex(match >= 0 ? match : m_preset->count() - 1);
            schedulePreview();
        });
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportDialog::schedulePreview);
    for (QLineEdit* edit : {m_title, m_subtitle, m_caption, m_credit})
        connect(edit, &QLineEdit::textChanged, this, &ExportDialog::schedulePreview);
    for (QCheckBox* box : {m_sources, m_legend})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::schedulePreview);
}

void ExportDialog::presetChosen(int index)
{
    const QSize size = m_preset->itemData(index).toSize();
    if (!size.isValid())
        return; // custom: the spin boxes keep their values
    const QSignalBlocker bw(m_width), bh(m_height);
    m_width->setValue(size.width());
    m_height->setValue(size.height());
    m_scale->setValue(autoExportScale(size)); // 4K gets type to match
    schedulePreview();
}

void ExportDialog::browse()
{
    const QString suffix = m_format->currentData().toString();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Chart"), m_output->text(),
                                     tr("%1 files (*.%2)").arg(m_format->currentText(), suffix));
    if (!path.isEmpty())
        m_output->setText(QFileInfo(path).suffix().isEmpty() ? path + QLatin1Char('.') + suffix
                                                             : path);
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.output = m_output->text();
    r.view = m_view->currentData().toString();
    r.size = QSize(m_width->value(), m_height->value());
    r.scale = m_scale->value();
    r.theme = m_theme->currentData().toString();
    r.title = m_title->text();
    r.subtitle = m_subtitle->text();
    r.caption = m_caption->text();
    r.credit = m_credit->text();
    r.sourcesLine = m_sources->isChecked();
    r.legend = m_legend->isChecked();
    r.publishSafe = ExportRequest::PublishSafe(m_publishSafe->currentData().toInt());
    r.state = m_state;
    r.laneMode = m_lanes;
    r.highlight = true; // what you see is what you export: the window's highlight too
    return r;
}

void ExportDialog::setRequest(const ExportRequest& r)
{
    m_output->setText(r.output);
    m_view->setCurrentIndex(std::max(0, m_view->findData(r.view)));
    const int format = m_format->findData(QFileInfo(r.output).suffix().toLower());
    if (format >= 0) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(format);
    }
    m_width->setValue(r.size.width());
    m_height->setValue(r.size.height());
    m_scale->setValue(r.scale);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(r.theme)));
    m_title->setText(r.title);
    m_subtitle->setText(r.subtitle);
    m_caption->setText(r.caption);
    m_credit->setText(r.credit);
    m_sources->setChecked(r.sourcesLine);
    m_legend->setChecked(r.legend);
    m_publishSafe->setCurrentIndex(std::max(0, m_publishSafe->findData(int(r.publishSafe))));
    updatePreview();
}

ChartComposer& ExportDialog::composer()
{
    // The chart is rebuilt only when what it draws changes; the title block is retyped often.
    const ExportRequest r = request();
    const QString key = QStringLiteral("%1|%2|%3|%4|%5")
                            .arg(r.view, r.theme)
                            .arg(int(r.publishSafe))
                            .arg(r.legend)
                            .arg(r.sourcesLine);
    // The actor map keeps drawing state from one frame to the next (caches, placed labels):
    // a fresh one per picture keeps the preview and the file the same.
    if (!m_composer || key != m_composerKey || r.view == QLatin1String("actors")) {
        m_composer.reset();
        m_composer = std::make_unique<ChartComposer>(*m_story, r);
        m_composerKey = key;
    }
    return *m_composer;
}

QImage ExportDialog::render(QSize size)
{
    ExportRequest r = request();
    // Smaller than the export: the same layout, every length scaled by the same factor.
    const double ratio = double(size.width()) / std::max(1, r.size.width());
    r.scale *= ratio;
    ChartComposer& c = composer();
    c.setText(r);
    return c.image(size);
}

void ExportDialog::schedulePreview()
{
    m_previewTimer->start();
}

void ExportDialog::updatePreview()
{
    const QSize full(m_width->value(), m_height->value());
    const QSize size = full.scaled(kPreviewBox, Qt::KeepAspectRatio).expandedTo(QSize(16, 16));
    try {
        m_preview = render(size);
        m_previewLabel->setPixmap(QPixmap::fromImage(m_preview));
        m_note->setText(m_composer->footer());
    } catch (const StoreError& e) {
        m_preview = QImage();
        m_previewLabel->setText(e.message());
    }
}

void ExportDialog::accept()
{
    const ExportRequest r = request();
    if (r.output.trimmed().isEmpty()) {
        QMessageBox::warning(this, tr("Export Chart"), tr("Choose where to save the chart."));
        return;
    }
    try {
        setCursor(Qt::WaitCursor);
        exportChart(*m_story, r);
        unsetCursor();
    } catch (const StoreError& e) {
        unsetCursor();
        warnPlain(this, tr("Export Chart"), e.message());
        return; // the dialog stays open with everything as it was
    }
    QDialog::accept();
}

} // namespace chronomap
