import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** One notification email: written first, then sent by the send-email job. */
export class EmailMessage extends Model<
  InferAttributes<EmailMessage>,
  InferCreationAttributes<EmailMessage>
> {
  declare id: CreationOptional<string>;
  declare companyId: string | null;
  declare memberId: string | null;
  declare recipient: string;
  declare template: string;
  declare data: Record<string, unknown>;
  declare dedupeKey: CreationOptional<string | null>;
  declare status: CreationOptional<'pending' | 'sent' | 'failed'>;
  declare attempts: CreationOptional<number>;
  declare lastError: CreationOptional<string | null>;
  declare sentAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    EmailMessage.init(
      {
        id: {
          type: DataTypes.UUID,
          primaryKey: true,
          defaultValue: DataTypes.UUIDV4,
        },
        companyId: DataTypes.UUID,
        memberId: DataTypes.UUID,
        recipient: { type: DataTypes.TEXT, allowNull: false },
        template: { type: DataTypes.TEXT, allowNull: false },
        data: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        dedupeKey: DataTypes.TEXT,
        status: {
          type: DataTypes.TEXT,
          allowNull: false,
          defaultValue: 'pending',
        },
        attempts: {
          type: DataTypes.INTEGER,
          allowNull: false,
          defaultValue: 0,
        },
        lastError: DataTypes.TEXT,
        sentAt: DataTypes.DATE,
        createdAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'email_messages',
        underscored: true,
        updatedAt: false,
      },
    );
  }
}
