using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CreditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2400, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ArisenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Penalties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Penalties", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseChanges_At",
                table: "EnterpriseChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CreditEntries_DepartmentCode_PublishedOn",
                table: "CreditEntries",
                columns: new[] { "DepartmentCode", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditEntries_Source_SourceId",
                table: "CreditEntries",
                columns: new[] { "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditEntries_Uscc_ArisenOn",
                table: "CreditEntries",
                columns: new[] { "Uscc", "ArisenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Penalties_DepartmentCode_DecisionNumber",
                table: "Penalties",
                columns: new[] { "DepartmentCode", "DecisionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Penalties_Uscc",
                table: "Penalties",
                column: "Uscc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditEntries");

            migrationBuilder.DropTable(
                name: "Penalties");

            migrationBuilder.DropIndex(
                name: "IX_EnterpriseChanges_At",
                table: "EnterpriseChanges");
        }
    }
}
