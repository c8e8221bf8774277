using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2400)", maxLength: 2400, nullable: false),
                    Authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ArisenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Penalties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Facts = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: false),
                    Measure = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
