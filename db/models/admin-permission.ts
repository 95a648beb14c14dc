import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export const permissions = [
  'otp_settings',
  'allowed_ip_settings',
  'login_settings',
  'audit_log_view',
] as const;
export type Permission = (typeof permissions)[number];

/** One permission a super admin granted to an admin. */
export class AdminPermission extends Model<
  InferAttributes<AdminPermission>,
  InferCreationAttributes<AdminPermission>
> {
  declare memberId: string;
  declare permission: Permission;
  declare companyId: string;
  declare grantedBy: string | null;
  declare grantedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AdminPermission.init(
      {
        memberId: { type: DataTypes.UUID, primaryKey: true },
        permission: { type: DataTypes.TEXT, primaryKey: true },
        companyId: { type: DataTypes.UUID, allowNull: false },
        grantedBy: { type: DataTypes.UUID, allowNull: true },
        grantedAt: {
          type: DataTypes.DATE,
          allowNull: false,
          defaultValue: DataTypes.NOW,
        },
      },
      {
        sequelize,
        tableName: 'admin_permissions',
        underscored: true,
        timestamps: false,
      },
    );
  }
}
