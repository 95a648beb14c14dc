import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export const roles = ['super_admin', 'admin', 'member'] as const;
export type Role = (typeof roles)[number];

export const employmentStatuses = ['active', 'on_leave', 'terminated'] as const;
export type EmploymentStatus = (typeof employmentStatuses)[number];

/** A person who signs in: an employee of one company. */
export class Member extends Model<
  InferAttributes<Member>,
  InferCreationAttributes<Member>
> {
  declare id: CreationOptional<string>;
  declare companyId: string;
  declare organizationId: string | null;
  declare name: string;
  declare email: string;
  declare role: CreationOptional<Role>;
  declare employmentStatus: CreationOptional<EmploymentStatus>;
  declare title: CreationOptional<string | null>;
  declare passwordHash: CreationOptional<string | null>;
  declare passwordChangedAt: CreationOptional<Date | null>;
  declare mustChangePassword: CreationOptional<boolean>;
  declare temporaryPasswordExpiresAt: CreationOptional<Date | null>;
  declare failedSignInCount: CreationOptional<number>;
  declare lockedAt: CreationOptional<Date | null>;
  declare lockExpiresAt: CreationOptional<Date | null>;
  declare usedTemporaryPasswordHash: CreationOptional<string | null>;
  declare otpSecretEncrypted: CreationOptional<string | null>;
  declare otpEnrolledAt: CreationOptional<Date | null>;
  declare otpFailureCount: CreationOptional<number>;
  declare otpFailureWindowStart: CreationOptional<Date | null>;
  declare otpBlockedUntil: CreationOptional<Date | null>;
  declare otpLastTimeStep: CreationOptional<string | null>;
  declare googleSubject: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Member.init(
      {
        id: {
          type: DataTypes.UUID,
          primaryKey: true,
          defaultValue: DataTypes.UUIDV4,
        },
        companyId: { type: DataTypes.UUID, allowNull: false },
        organizationId: { type: DataTypes.UUID, allowNull: true },
        name: { type: DataTypes.TEXT, allowNull: false },
        email: { type: DataTypes.TEXT, allowNull: false },
        role: {
          type: DataTypes.TEXT,
          allowNull: false,
          defaultValue: 'member',
        },
        employmentStatus: {
          type: DataTypes.TEXT,
          allowNull: false,
          defaultValue: 'active',
        },
        title: { type: DataTypes.TEXT, allowNull: true },
        passwordHash: { type: DataTypes.TEXT, allowNull: true },
        passwordChangedAt: { type: DataTypes.DATE, allowNull: true },
        mustChangePassword: {
          type: DataTypes.BOOLEAN,
          allowNull: false,
          defaultValue: false,
        },
        temporaryPasswordExpiresAt: { type: DataTypes.DATE, allowNull: true },
        failedSignInCount: {
          type: DataTypes.INTEGER,
          allowNull: false,
          defaultValue: 0,
        },
        lockedAt: { type: DataTypes.DATE, allowNull: true },
        lockExpiresAt: { type: DataTypes.DATE, allowNull: true },
        usedTemporaryPasswordHash: { type: DataTypes.TEXT, allowNull: true },
        otpSecretEncrypted: { type: DataTypes.TEXT, allowNull: true },
        otpEnrolledAt: { type: DataTypes.DATE, allowNull: true },
        otpFailureCount: {
          type: DataTypes.INTEGER,
          allowNull: false,
          defaultValue: 0,
        },
        otpFailureWindowStart: { type: DataTypes.DATE, allowNull: true },
        otpBlockedUntil: { type: DataTypes.DATE, allowNull: true },
        otpLastTimeStep: { type: DataTypes.BIGINT, allowNull: true },
        googleSubject: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'members',
        underscored: true,
        defaultScope: {
          attributes: {
            exclude: [
              'passwordHash',
              'otpSecretEncrypted',
              'usedTemporaryPasswordHash',
            ],
          },
        },
        scopes: { withSecrets: {} },
      },
    );
  }
}
