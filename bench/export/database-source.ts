// The audit-export job's own read path, for the export benchmark's child.
import { exportCells, exportColumns } from '../../core/audit/export-columns.js';
import { noFilters } from '../../core/audit/filters.js';
import { streamAuditRows } from '../../core/audit/query.js';
import { auditScopeFor } from '../../core/audit/scope.js';
import { openDatabase } from '../../core/runtime/database.js';
import { Company } from '../../db/index.js';

/** A company's audit events as export cells, streamed in keyset pages. */
export async function databaseSource(companyId: string) {
  const database = await openDatabase();
  const company = await Company.findByPk(companyId);
  if (!company) throw new Error(`no company ${companyId}`);
  async function* rows() {
    for await (const row of streamAuditRows(
      auditScopeFor(company!),
      noFilters,
    )) {
      yield exportCells(row);
    }
  }
  return {
    columns: exportColumns(company.timeZone),
    rows: rows(),
    close: database.close,
  };
}
