using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Zhengzhao.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditListsAndRepair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityEndedOn",
                table: "Penalties",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloserReview",
                table: "Applications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AbnormalListings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ListedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ObjectionDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ListedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Objection = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ObjectionLodgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ObjectionDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionAnswer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ObjectionOfficer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemovedFor = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RemovalNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbnormalListings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditRepairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenTargetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRepairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisciplineRules",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Restriction = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AppliesIn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RatioMultiplier = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisciplineRules", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SeriousListings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ListedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RepresentativeBarEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Remedies = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ListedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LegalRepresentativeIdProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AbnormalListingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemovalNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeriousListings", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DisciplineRules",
                columns: new[] { "Code", "AppliesIn", "Basis", "EffectiveFrom", "EffectiveTo", "RatioMultiplier", "Restriction", "Trigger" },
                values: new object[,]
                {
                    { "LJ-01", "行政许可：告知承诺审批", "国务院关于在全国推开“证照分离”改革的通知（国发〔2018〕35号）：对失信主体不适用告知承诺制", new DateOnly(2018, 10, 10), null, null, "CommitmentRoute", "SeriousList" },
                    { "LJ-02", "行政许可：全部申请", "企业信息公示暂行条例 第十八条：对被列入严重违法企业名单的企业依法予以限制", new DateOnly(2014, 10, 1), null, null, "CloserReview", "SeriousList" },
                    { "LJ-03", "市场主体登记：法定代表人任职", "企业信息公示暂行条例 第十七条第二款：被列入严重违法企业名单的企业的法定代表人、负责人，3年内不得担任其他企业的法定代表人、负责人", new DateOnly(2014, 10, 1), null, null, "LegalRepresentative", "SeriousList" },
                    { "LJ-04", "双随机抽查", "国务院办公厅关于推广随机抽查规范事中事后监管的通知（国办发〔2015〕58号）：对有严重违法违规记录的市场主体加大随机抽查力度", new DateOnly(2015, 8, 5), null, 3, "RaisedInspectionRatio", "SeriousList" },
                    { "LJ-05", "行政许可：全部申请", "企业信息公示暂行条例 第十八条：将企业信息作为重要考量因素", new DateOnly(2014, 10, 1), null, null, "CloserReview", "AbnormalList" },
                    { "LJ-06", "双随机抽查", "国务院办公厅关于推广随机抽查规范事中事后监管的通知（国办发〔2015〕58号）：对列入经营异常名录的市场主体加大随机抽查力度", new DateOnly(2015, 8, 5), null, 2, "RaisedInspectionRatio", "AbnormalList" },
                    { "LJ-07", "行政许可：告知承诺审批", "国发〔2018〕35号：作出虚假承诺的申请人，在信用修复前不适用告知承诺制", new DateOnly(2018, 10, 10), null, null, "CommitmentRoute", "CommitmentBreach" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AbnormalListings_DepartmentCode_DecisionNumber",
                table: "AbnormalListings",
                columns: new[] { "DepartmentCode", "DecisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AbnormalListings_RemovedOn_ListedOn",
                table: "AbnormalListings",
                columns: new[] { "RemovedOn", "ListedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AbnormalListings_Standing",
                table: "AbnormalListings",
                columns: new[] { "Uscc", "Cause" },
                unique: true,
                filter: "\"RemovedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AbnormalListings_Uscc_RemovedOn",
                table: "AbnormalListings",
                columns: new[] { "Uscc", "RemovedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Uscc_Year",
                table: "AnnualReports",
                columns: new[] { "Uscc", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairs_DepartmentCode_State_AppliedOn",
                table: "CreditRepairs",
                columns: new[] { "DepartmentCode", "State", "AppliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairs_OpenTargetId",
                table: "CreditRepairs",
                column: "OpenTargetId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairs_Uscc",
                table: "CreditRepairs",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_SeriousListings_AbnormalListingId",
                table: "SeriousListings",
                column: "AbnormalListingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeriousListings_DepartmentCode_DecisionNumber",
                table: "SeriousListings",
                columns: new[] { "DepartmentCode", "DecisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeriousListings_RepresentativeBarEndsOn",
                table: "SeriousListings",
                column: "RepresentativeBarEndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_SeriousListings_Uscc",
                table: "SeriousListings",
                column: "Uscc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbnormalListings");

            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "CreditRepairs");

            migrationBuilder.DropTable(
                name: "DisciplineRules");

            migrationBuilder.DropTable(
                name: "SeriousListings");

            migrationBuilder.DropColumn(
                name: "PublicityEndedOn",
                table: "Penalties");

            migrationBuilder.DropColumn(
                name: "CloserReview",
                table: "Applications");
        }
    }
}
