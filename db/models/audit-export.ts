import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export type AuditExportStatus =
  'pending' | 'running' | 'ready' | 'failed' | 'expired';

/** A requested audit-log spreadsheet and where its build stands. */
export class AuditExport extends Model<
  InferAttributes<AuditExport>,
  InferCreationAttributes<AuditExport>
> {
  declare id: CreationOptional<string>;
  declare companyId: string;
  declare requestedBy: string;
  declare filters: Record<string, unknown>;
  declare status: CreationOptional<AuditExportStatus>;
  declare rowCount: CreationOptional<number | null>;
  declare filePath: CreationOptional<string | null>;
  declare fileBytes: CreationOptional<string | null>;
  declare sha256: CreationOptional<string | null>;
  declare error: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare startedAt: CreationOptional<Date | null>;
  declare finishedAt: CreationOptional<Date | null>;
  declare expiresAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize): void {
    AuditExport.init(
      {
        id: {
          type: DataTypes.UUID,
          primaryKey: true,
          defaultValue: DataTypes.UUIDV4,
        },
        companyId: { type: DataTypes.UUID, allowNull: false },
        requestedBy: { type: DataTypes.UUID, allowNull: false },
        filters: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        status: {
          type: DataTypes.TEXT,
          allowNull: false,
          defaultValue: 'pending',
        },
        rowCount: DataTypes.INTEGER,
        filePath: DataTypes.TEXT,
        fileBytes: DataTypes.BIGINT,
        sha256: DataTypes.TEXT,
        error: DataTypes.TEXT,
        createdAt: DataTypes.DATE,
        startedAt: DataTypes.DATE,
        finishedAt: DataTypes.DATE,
        expiresAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'audit_exports',
        underscored: true,
        updatedAt: false,
      },
    );
  }
}
