import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** An in-app notice shown under the news bell. */
export class News extends Model<
  InferAttributes<News>,
  InferCreationAttributes<News>
> {
  declare id: CreationOptional<string>;
  declare companyId: string;
  declare memberId: string;
  declare kind: string;
  declare title: string;
  declare body: CreationOptional<string>;
  declare link: CreationOptional<string | null>;
  declare dedupeKey: CreationOptional<string | null>;
  declare readAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    News.init(
      {
        id: {
          type: DataTypes.UUID,
          primaryKey: true,
          defaultValue: DataTypes.UUIDV4,
        },
        companyId: { type: DataTypes.UUID, allowNull: false },
        memberId: { type: DataTypes.UUID, allowNull: false },
        kind: { type: DataTypes.TEXT, allowNull: false },
        title: { type: DataTypes.TEXT, allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
        link: DataTypes.TEXT,
        dedupeKey: DataTypes.TEXT,
        readAt: DataTypes.DATE,
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'news', underscored: true, updatedAt: false },
    );
  }
}
