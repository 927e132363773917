#include "importdialog.h"

#include "interchange/formatregistry.h"

#include "i18n/localdates.h"
#include "store/store.h"
#include "text/storytext.h"
#include "theme/windowtheme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace chronomap {

namespace {

constexpr int kPreviewRows = 50;

// The format's name from the registry, as the menus show it.
QString formatName(const QString& format)
{
    const FileFormat* f = fileFormat(format);
    return f ? f->displayName() : format;
}

} // namespace

ImportDialog::ImportDialog(ParsedImport parsed, const Store& store, QWidget* parent)
    : QDialog(parent), m_parsed(std::move(parsed)), m_store(store)
{
    setWindowTitle(tr("Import %1").arg(QFileInfo(m_parsed.fileName).fileName()));
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    m_mappingBox = new QGroupBox(tr("Columns: which column gives each field"), this);
    layout->addWidget(m_mappingBox);
    buildMapping();

    m_preview = new QTableWidget(this);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setAccessibleName(tr("Preview of what will be imported"));
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->verticalHeader()->setVisible(false);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_preview, 1);

    m_summary = plainLabel(new QLabel(this));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_error = plainLabel(new QLabel(this)); // quotes the file
    m_error->setWordWrap(true);
    m_error->setStyleSheet(WindowTheme::problemStyleSheet(palette()));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 620);
    refresh();
}

void ImportDialog::buildMapping()
{
    // Only events CSV has a mapping: TimelineJS sheets and edge lists have fixed columns.
    const bool mappable = m_parsed.table && m_parsed.format == QLatin1String("events-csv");
    m_mappingBox->setVisible(mappable);
    if (!mappable)
        return;
    // Two columns of fields, so that the preview keeps most of the height.
    auto* grid = new QGridLayout(m_mappingBox);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    const QStringList header = m_parsed.table->header;
    const QStringList fields = CsvMapping::fields();
    for (int i = 0; i < fields.size(); ++i) {
        const QString& field = fields.at(i);
        auto* combo = new QComboBox(m_mappingBox);
        combo->addItem(tr("(not imported)"), -1);
        for (int c = 0; c < header.size(); ++c)
            combo->addItem(tr("Column %1: %2").arg(c + 1).arg(header.at(c)), c);
        combo->setCurrentIndex(combo->findData(m_parsed.mapping.column(field)));
        combo->setProperty("field", field);
        combo->setAccessibleName(tr("Column for %1").arg(CsvMapping::fieldLabel(field)));
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::remap);
        const bool required = field == QLatin1String("title") || field == QLatin1String("date");
        auto* label = new QLabel(CsvMapping::fieldLabel(field) +
                                     (required ? tr(" (required)") : QString()) + QLatin1Char(':'),
                                 m_mappingBox);
        label->setBuddy(combo);
        grid->addWidget(label, i / 2, (i % 2) * 2);
        grid->addWidget(combo, i / 2, (i % 2) * 2 + 1);
        m_combos.append(combo);
    }
}

void ImportDialog::remap()
{
    CsvMapping m;
    for (QComboBox* combo : std::as_const(m_combos)) {
        const int col = combo->currentData().toInt();
        if (col >= 0)
            m.columns.insert(combo->property("field").toString(), col);
    }
    try {
        remapImport(m_parsed, m);
    } catch (const StoreError&) {
        // remapImport keeps the message in m_parsed.error; refresh() shows it.
    }
    refresh();
}

void ImportDialog::refresh()
{
    const ImportBatch& b = m_parsed.batch;
    m_heading->setText(tr("<b>%1</b><br>Read as %2. Nothing is written until you choose Import; "
                          "an import that fails changes nothing.")
                           .arg(escapedHtml(m_parsed.fileName), formatName(m_parsed.format)));
    m_error->setText(m_parsed.error);
    const bool ok = m_parsed.error.isEmpty();
    m_import->setEnabled(ok);
    if (ok) {
        const ImportSummary s = previewParsedImport(m_store, m_parsed);
        m_summary->setText(tr("Will create or merge: %1.").arg(s.text()));
    } else {
        m_summary->clear();
    }

    m_preview->clear();
    const bool graph = b.events.isEmpty() && !b.relations.isEmpty();
    if (graph) {
        // Graph files: the relations as they will be drawn.
        m_preview->setColumnCount(5);
        m_preview->setHorizontalHeaderLabels(
            {tr("From"), tr("Relation"), tr("To"), tr("When"), tr("Weight")});
        const qsizetype rows = std::min<qsizetype>(b.relations.size(), kPreviewRows);
        m_preview->setRowCount(int(rows));
        for (int r = 0; r < rows; ++r) {
            const Relation& rel = b.relations.at(r);
            const QString arrow = rel.directed ? QStringLiteral("→ ") : QStringLiteral("— ");
            m_preview->setItem(r, 0, new QTableWidgetItem(b.actors.value(rel.sourceId - 1).name));
            m_preview->setItem(r, 1, new QTableWidgetItem(arrow + rel.type));
            m_preview->setItem(r, 2, new QTableWidgetItem(b.actors.value(rel.targetId - 1).name));
            m_preview->setItem(
                r, 3,
                new QTableWidgetItem(rel.valid.isValid() ? localDate(rel.valid) : tr("always")));
            m_preview->setItem(r, 4, new QTableWidgetItem(QString::number(rel.weight)));
        }
    } else {
        m_preview->setColumnCount(6);
        m_preview->setHorizontalHeaderLabels(
            {tr("Line"), tr("Date"), tr("Reads as"), tr("Title"), tr("Group"), tr("Actors")});
        const qsizetype rows = std::min<qsizetype>(b.events.size(), kPreviewRows);
        m_preview->setRowCount(int(rows));
        for (int r = 0; r < rows; ++r) {
            const Event& e = b.events.at(r);
            QStringList names;
            for (const Participation& p : e.actors)
                names << b.actors.value(p.actorId - 1).name +
                             (p.role.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.role));
            const qint64 line = b.eventLines.value(r, 0);
            m_preview->setItem(r, 0,
                               new QTableWidgetItem(line ? QString::number(line) : QString()));
            m_preview->setItem(r, 1, new QTableWidgetItem(e.date.edtf()));
            m_preview->setItem(
                r, 2,
                new QTableWidgetItem(e.displayDate.isEmpty() ? localDate(e.date) : e.displayDate));
            m_preview->setItem(r, 3, new QTableWidgetItem(e.title));
            m_preview->setItem(r, 4,
                               new QTableWidgetItem(e.categoryId
                                                        ? b.categories.value(e.categoryId - 1)
                                                        : QString()));
            m_preview->setItem(r, 5, new QTableWidgetItem(names.join(QStringLiteral("; "))));
        }
    }
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, std::min(m_preview->columnWidth(c), 320));
}

} // namespace chronomap
