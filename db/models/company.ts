import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A customer company: its plan, time zone and settings groups. */
export class Company extends Model<
  InferAttributes<Company>,
  InferCreationAttributes<Company>
> {
  declare id: CreationOptional<string>;
  declare name: string;
  declare slug: string;
  declare emailDomain: string | null;
  declare plan: 'core_hr' | 'professional' | 'enterprise';
  declare timeZone: CreationOptional<string>;
  declare loginSettings: CreationOptional<Record<string, unknown>>;
  declare otpSettings: CreationOptional<Record<string, unknown>>;
  declare ipSettings: CreationOptional<Record<string, unknown>>;
  declare settingsVersion: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Company.init(
      {
        id: {
          type: DataTypes.UUID,
          primaryKey: true,
          defaultValue: DataTypes.UUIDV4,
        },
        name: { type: DataTypes.TEXT, allowNull: false },
        slug: { type: DataTypes.TEXT, allowNull: false },
        emailDomain: { type: DataTypes.TEXT, allowNull: true },
        plan: { type: DataTypes.TEXT, allowNull: false },
        timeZone: {
          type: DataTypes.TEXT,
          allowNull: false,
          defaultValue: 'UTC',
        },
        loginSettings: {
          type: DataTypes.JSONB,
          allowNull: false,
          defaultValue: {},
        },
        otpSettings: {
          type: DataTypes.JSONB,
          allowNull: false,
          defaultValue: {},
        },
        ipSettings: {
          type: DataTypes.JSONB,
          allowNull: false,
          defaultValue: {},
        },
        settingsVersion: {
          type: DataTypes.INTEGER,
          allowNull: false,
          defaultValue: 1,
        },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'companies', underscored: true },
    );
  }
}
