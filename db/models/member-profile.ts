import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/**
 * A member's profile sections (personal, HR, income, contract, social
 * insurance, year-end tax, attendance summary). Dates are 'YYYY-MM-DD' text
 * and decimals strings, as PostgreSQL returns them, so nothing is rounded.
 */
export class MemberProfile extends Model<
  InferAttributes<MemberProfile>,
  InferCreationAttributes<MemberProfile>
> {
  declare memberId: string;
  declare companyId: string;
  declare phone: CreationOptional<string | null>;
  declare personalEmail: CreationOptional<string | null>;
  declare address: CreationOptional<string | null>;
  declare birthDate: CreationOptional<string | null>;
  declare nationalId: CreationOptional<string | null>;
  declare hireDate: CreationOptional<string | null>;
  declare baseSalary: CreationOptional<string | null>;
  declare salaryCurrency: CreationOptional<string | null>;
  declare bankName: CreationOptional<string | null>;
  declare bankAccount: CreationOptional<string | null>;
  declare contractType: CreationOptional<string | null>;
  declare contractStart: CreationOptional<string | null>;
  declare contractEnd: CreationOptional<string | null>;
  declare weeklyHours: CreationOptional<string | null>;
  declare pensionNumber: CreationOptional<string | null>;
  declare healthInsuranceNumber: CreationOptional<string | null>;
  declare employmentInsurance: CreationOptional<boolean | null>;
  declare taxDependents: CreationOptional<number | null>;
  declare taxFilingStatus: CreationOptional<string | null>;
  declare taxDocumentsSubmitted: CreationOptional<boolean | null>;
  declare workSchedule: CreationOptional<string | null>;
  declare annualLeaveDays: CreationOptional<string | null>;
  declare leaveTakenDays: CreationOptional<string | null>;
  declare overtimeHoursMonth: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    // Fresh objects per attribute: Sequelize writes into each definition.
    const text = () => ({ type: DataTypes.TEXT, allowNull: true });
    const day = () => ({ type: DataTypes.DATEONLY, allowNull: true });
    const decimal = () => ({ type: DataTypes.DECIMAL, allowNull: true });
    const flag = () => ({ type: DataTypes.BOOLEAN, allowNull: true });
    MemberProfile.init(
      {
        memberId: { type: DataTypes.UUID, primaryKey: true },
        companyId: { type: DataTypes.UUID, allowNull: false },
        phone: text(),
        personalEmail: text(),
        address: text(),
        birthDate: day(),
        nationalId: text(),
        hireDate: day(),
        baseSalary: decimal(),
        salaryCurrency: text(),
        bankName: text(),
        bankAccount: text(),
        contractType: text(),
        contractStart: day(),
        contractEnd: day(),
        weeklyHours: decimal(),
        pensionNumber: text(),
        healthInsuranceNumber: text(),
        employmentInsurance: flag(),
        taxDependents: { type: DataTypes.INTEGER, allowNull: true },
        taxFilingStatus: text(),
        taxDocumentsSubmitted: flag(),
        workSchedule: text(),
        annualLeaveDays: decimal(),
        leaveTakenDays: decimal(),
        overtimeHoursMonth: decimal(),
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'member_profiles', underscored: true },
    );
  }
}
