import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** What a session may reach: everything, or only one step of sign-in. */
export type SessionStage =
  'active' | 'otp_pending' | 'otp_enrolment' | 'password_change';

/** A server-side session; the cookie holds a token whose hash is stored. */
export class Session extends Model<
  InferAttributes<Session>,
  InferCreationAttributes<Session>
> {
  declare id: CreationOptional<string>;
  declare tokenHash: Buffer;
  declare companyId: string;
  declare memberId: string;
  declare stage: CreationOptional<SessionStage>;
  declare signInMethod: CreationOptional<string>;
  declare ip: string | null;
  declare deviceId: string | null;
  declare userAgent: string | null;
  declare createdAt: CreationOptional<Date>;
  declare lastSeenAt: CreationOptional<Date>;
  declare expiresAt: Date;
  declare revokedAt: CreationOptional<Date | null>;
  declare revokedReason: CreationOptional<string | null>;

  static initModel(sequelize: Sequelize): void {
    Session.init(
      {
        id: {
          type: DataTypes.UUID,
          primaryKey: true,
          defaultValue: DataTypes.UUIDV4,
        },
        tokenHash: { type: DataTypes.BLOB, allowNull: false },
        companyId: { type: DataTypes.UUID, allowNull: false },
        memberId: { type: DataTypes.UUID, allowNull: false },
        stage: {
          type: DataTypes.TEXT,
          allowNull: false,
          defaultValue: 'active',
        },
        signInMethod: {
          type: DataTypes.TEXT,
          allowNull: false,
          defaultValue: 'password',
        },
        ip: DataTypes.TEXT,
        deviceId: DataTypes.TEXT,
        userAgent: DataTypes.TEXT,
        createdAt: DataTypes.DATE,
        lastSeenAt: {
          type: DataTypes.DATE,
          allowNull: false,
          defaultValue: DataTypes.NOW,
        },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        revokedAt: DataTypes.DATE,
        revokedReason: DataTypes.TEXT,
      },
      {
        sequelize,
        tableName: 'sessions',
        underscored: true,
        updatedAt: false,
      },
    );
  }
}
